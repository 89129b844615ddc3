using System.Management.Automation;

namespace Hypeman.PowerShell;

/// <summary>
/// What the lifecycle cmdlets (Start, Stop, Suspend, Resume) share: one or more instances by ID,
/// name or prefix, from arguments or the pipeline; one ShouldProcess and one call per instance;
/// the updated instance as output; a failure is that instance's error and the rest go on.
/// </summary>
public abstract class InstanceActionCmdlet : HypemanApiCmdlet
{
    /// <summary>The instances, by ID, name or unique ID prefix.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InstanceCompleter))]
    public string[] InstanceId { get; set; } = null!;

    /// <summary>Bound from a piped object's InstanceName, so prompts can name the instance. Not for typing.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? InstanceName { get; set; }

    /// <summary>The verb shown by -WhatIf and -Confirm, e.g. "Stop".</summary>
    protected abstract string Action { get; }

    protected abstract Task<Instance> InvokeAsync(string instanceId, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        foreach (var id in InstanceId)
        {
            if (!ShouldProcess(DescribeInstance(id, InstanceId.Length == 1 ? InstanceName : null), Action)) continue;
            if (TryRun(id, token => InvokeAsync(id, token), out var instance)) WriteObject(instance);
        }
    }
}
