using System.Collections;
using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Creates and starts an instance from an image that the server has pulled (POST /instances).</summary>
[Cmdlet(VerbsCommon.New, "HypemanInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Instance))]
public sealed class NewHypemanInstanceCommand : HypemanApiCmdlet
{
    /// <summary>The new instance's name: lowercase letters, digits and dashes.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateResourceName]
    public string Name { get; set; } = null!;

    /// <summary>The OCI image reference, e.g. docker.io/library/nginx:latest.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Image { get; set; } = null!;

    /// <summary>Base memory in bytes (2GB works); the server's default is 1 GB.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    public long? Memory { get; set; }

    /// <summary>Extra memory that can be hot-plugged, in bytes.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long? HotplugMemory { get; set; }

    /// <summary>Size of the writable overlay disk, in bytes; the server's default is 10 GB.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long? OverlaySize { get; set; }

    /// <summary>Number of virtual CPUs; the server's default is 2.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 1024)]
    public int? Vcpu { get; set; }

    /// <summary>Environment variables for the guest, e.g. @{PORT='8080'}.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Environment { get; set; }

    /// <summary>Tags for the instance, e.g. @{env='dev'}.</summary>
    [Parameter]
    [ValidateTags]
    public Hashtable? Tag { get; set; }

    /// <summary>The hypervisor to run it on (cloud-hypervisor, firecracker, qemu, qemu-microvm, vz); the server's default otherwise.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(HypervisorCompleter))]
    public string? Hypervisor { get; set; }

    /// <summary>Volumes to mount: 'volume:/path[:ro]', @{VolumeId=..; MountPath=..; ReadOnly=$true}, or VolumeMount objects.</summary>
    [Parameter]
    [VolumeMountArgument]
    [ValidateNotNull]
    public VolumeMount[]? Volume { get; set; }

    /// <summary>Replaces the image's entrypoint.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Entrypoint { get; set; }

    /// <summary>Replaces the image's CMD.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Command { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"instance '{Name}'", $"Create from image '{Image}'")) return;
        WarnIfTagsUnsupported(Tag is { Count: > 0 }, "-Tag is ignored.");
        if (!TryResolveVolumes(out var volumes)) return;

        var request = new CreateInstanceRequest
        {
            Name = Name,
            Image = Image,
            Size = Memory is { } memory ? ByteSize.Format(memory) : null,
            HotplugSize = HotplugMemory is { } hotplug ? ByteSize.Format(hotplug) : null,
            OverlaySize = OverlaySize is { } overlay ? ByteSize.Format(overlay) : null,
            Vcpus = Vcpu,
            Env = ArgumentText.ToMap(Environment),
            Tags = ArgumentText.ToMap(Tag),
            Hypervisor = Hypervisor,
            Volumes = volumes,
            Entrypoint = Entrypoint,
            Cmd = Command,
        };
        if (TryRun(Name, token => Client.CreateInstanceAsync(request, token), out var instance)) WriteObject(instance);
    }

    /// <summary>The server takes only exact volume IDs at creation, so names are looked up first.</summary>
    private bool TryResolveVolumes(out List<VolumeMount>? volumes)
    {
        volumes = null;
        if (Volume is null || Volume.Length == 0) return true;
        volumes = new List<VolumeMount>(Volume.Length);
        foreach (var mount in Volume)
        {
            try
            {
                var volume = Run(token => Client.GetVolumeAsync(mount.VolumeId, token));
                volumes.Add(new VolumeMount { VolumeId = volume.Id, MountPath = mount.MountPath, ReadOnly = mount.ReadOnly, Overlay = mount.Overlay, OverlaySize = mount.OverlaySize });
            }
            catch (HypemanApiException ex) when (ex.StatusCode == 404)
            {
                WriteError(HypemanErrors.Create("VolumeNotFound", ErrorCategory.ObjectNotFound, mount.VolumeId,
                    $"The volume '{mount.VolumeId}' given in -Volume was not found; instance '{Name}' was not created."));
                return false;
            }
            catch (HypemanException ex)
            {
                WriteFailure(ex, mount.VolumeId);
                return false;
            }
        }
        return true;
    }
}
