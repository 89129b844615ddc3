using System.Collections;
using System.Management.Automation;

namespace Hypeman.PowerShell;

/// <summary>
/// Guards an identifier parameter that takes pipeline input by value. Without it, PowerShell
/// would turn any object into a string, so a piped Volume would become an instance ID (its ID
/// text). Strings pass; an object passes only through its own identifier property (InstanceId for
/// instance parameters, VolumeId for volume ones); anything else is refused before a request.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ResourceIdentifierAttribute : ArgumentTransformationAttribute
{
    public ResourceIdentifierAttribute(string identifierProperty) => IdentifierProperty = identifierProperty;

    /// <summary>The property that names the resource on objects: "InstanceId" or "VolumeId".</summary>
    public string IdentifierProperty { get; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            null or string => value,
            IEnumerable items => items.Cast<object?>().Select(Identifier).ToArray(),
            _ => Identifier(inputData),
        };
    }

    private string? Identifier(object? item)
    {
        var value = item is PSObject wrapped ? wrapped.BaseObject : item;
        if (value is null or string) return (string?)value;
        var property = PSObject.AsPSObject(item).Properties[IdentifierProperty];
        if (property?.Value is { } identifier && identifier.ToString() is { Length: > 0 } text) return text;
        throw new ArgumentTransformationMetadataException(
            $"A {value.GetType().FullName} cannot be used here: give a string, or an object with an {IdentifierProperty} property.");
    }
}
