namespace Hypeman.PowerShell;

/// <summary>
/// What the lifecycle cmdlets (Start, Stop, Suspend, Resume) share: one ShouldProcess and one call
/// per instance; the updated instance as output; a failure is that instance's error and the rest go on.
/// </summary>
public abstract class InstanceActionCmdlet : InstanceCmdlet
{
    /// <summary>The verb shown by -WhatIf and -Confirm, e.g. "Stop".</summary>
    protected abstract string Action { get; }

    protected abstract Task<Instance> InvokeAsync(string instanceId, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        foreach (var id in InstanceId)
        {
            if (!ShouldProcess(Describe(id), Action)) continue;
            if (TryRun(id, token => InvokeAsync(id, token), out var instance)) WriteObject(instance);
        }
    }
}
