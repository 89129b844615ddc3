using System.Management.Automation;

namespace Hypeman.PowerShell;

/// <summary>Lets -Connection take a connection object or the name of one made with Connect-Hypeman in this runspace.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ConnectionArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null or HypemanConnection:
                return value;
            case string name:
                return HypemanSession.Current.Find(name)
                    ?? throw new ArgumentTransformationMetadataException(
                        $"There is no Hypeman connection named '{name}' in this session. Get-HypemanConnection lists them; Connect-Hypeman -Name makes one.");
            default:
                throw new ArgumentTransformationMetadataException(
                    $"A connection must be a Hypeman.HypemanConnection or the name of one, not a {value.GetType().FullName}.");
        }
    }
}
