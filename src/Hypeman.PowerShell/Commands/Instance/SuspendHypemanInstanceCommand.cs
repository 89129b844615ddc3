using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Puts running instances in standby: memory is snapshotted to disk and the VM stops (POST /instances/{id}/standby).</summary>
[Cmdlet(VerbsLifecycle.Suspend, "HypemanInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Instance))]
public sealed class SuspendHypemanInstanceCommand : InstanceActionCmdlet
{
    protected override string Action => "Suspend (standby)";

    protected override Task<Instance> InvokeAsync(string instanceId, CancellationToken cancellationToken) =>
        Client.StandbyInstanceAsync(instanceId, null, cancellationToken);
}
