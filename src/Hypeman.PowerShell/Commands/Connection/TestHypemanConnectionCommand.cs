using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>True when the server answers an authenticated call with the connection's key; false otherwise (the reason goes to the verbose stream).</summary>
[Cmdlet(VerbsDiagnostic.Test, "HypemanConnection")]
[OutputType(typeof(bool))]
public sealed class TestHypemanConnectionCommand : HypemanApiCmdlet
{
    protected override bool RequiresApiKey => false;

    protected override void EndProcessing()
    {
        if (!Client.Connection.HasApiKey)
        {
            WriteVerbose($"No API key is configured for {Client.Connection.BaseUrl}.");
            WriteObject(false);
            return;
        }
        try
        {
            Run(Client.VerifyAccessAsync);
            WriteObject(true);
        }
        catch (HypemanException ex)
        {
            WriteVerbose($"The connection test failed: {ex.Message}");
            WriteObject(false);
        }
        base.EndProcessing();
    }
}
