using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Stops running instances (POST /instances/{id}/stop).</summary>
[Cmdlet(VerbsLifecycle.Stop, "HypemanInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Instance))]
public sealed class StopHypemanInstanceCommand : InstanceActionCmdlet
{
    protected override string Action => "Stop";

    protected override Task<Instance> InvokeAsync(string instanceId, CancellationToken cancellationToken) =>
        Client.StopInstanceAsync(instanceId, cancellationToken);
}
