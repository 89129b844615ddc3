using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Restores instances from standby (POST /instances/{id}/restore).</summary>
[Cmdlet(VerbsLifecycle.Resume, "HypemanInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Instance))]
public sealed class ResumeHypemanInstanceCommand : InstanceActionCmdlet
{
    protected override string Action => "Resume (restore from standby)";

    protected override Task<Instance> InvokeAsync(string instanceId, CancellationToken cancellationToken) =>
        Client.RestoreInstanceAsync(instanceId, cancellationToken);
}
