using System.Management.Automation;

namespace Hypeman.PowerShell;

/// <summary>
/// Base of the cmdlets that act on whole instances: -InstanceId takes one or more IDs, names or
/// unique ID prefixes, typed or piped (strings, or objects with an InstanceId property).
/// </summary>
public abstract class InstanceCmdlet : HypemanApiCmdlet
{
    /// <summary>The instances, by ID, name or unique ID prefix.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InstanceCompleter))]
    [ResourceIdentifier("InstanceId")]
    public string[] InstanceId { get; set; } = null!;

    /// <summary>Bound from a piped object's InstanceName, so prompts and messages can name the instance. Not for typing.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? InstanceName { get; set; }

    /// <summary>How prompts and messages name one of the instances.</summary>
    protected string Describe(string instanceId) => DescribeInstance(instanceId, InstanceId.Length == 1 ? InstanceName : null);
}
