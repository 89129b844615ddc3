using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Starts stopped instances (POST /instances/{id}/start).</summary>
[Cmdlet(VerbsLifecycle.Start, "HypemanInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Instance))]
public sealed class StartHypemanInstanceCommand : InstanceActionCmdlet
{
    /// <summary>Replaces the image's entrypoint for this run.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Entrypoint { get; set; }

    /// <summary>Replaces the image's CMD for this run.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Command { get; set; }

    protected override string Action => "Start";

    protected override Task<Instance> InvokeAsync(string instanceId, CancellationToken cancellationToken) =>
        Client.StartInstanceAsync(instanceId, new StartInstanceRequest { Entrypoint = Entrypoint, Cmd = Command }, cancellationToken);
}
