using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Attaches a volume to an instance at a guest path (POST /instances/{id}/volumes/{volumeId}) and writes the updated instance.</summary>
[Cmdlet(VerbsData.Mount, "HypemanVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Instance))]
public sealed class MountHypemanVolumeCommand : VolumeAttachmentCmdlet
{
    /// <summary>Where the volume appears in the guest: an absolute path such as /mnt/data.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateGuestPath]
    public string MountPath { get; set; } = null!;

    /// <summary>Mount the volume read-only.</summary>
    [Parameter]
    public SwitchParameter ReadOnly { get; set; }

    protected override void Process(string instanceId, string volumeId, Volume? knownVolume, bool? attached)
    {
        if (attached == true)
        {
            WriteError(HypemanErrors.Create("VolumeAlreadyAttached", ErrorCategory.ResourceExists, instanceId,
                $"Volume '{knownVolume?.Name ?? volumeId}' is already attached to {DescribeInstance(instanceId, InstanceName)}."));
            return;
        }
        var mode = ReadOnly ? "read-only" : "read-write";
        if (!ShouldProcess(Describe(instanceId, volumeId, knownVolume), $"Mount at {MountPath} ({mode})")) return;
        var request = new AttachVolumeRequest { MountPath = MountPath, ReadOnly = ReadOnly.IsPresent };
        try
        {
            WriteObject(Run(token => Client.AttachVolumeAsync(instanceId, volumeId, request, token)));
        }
        catch (HypemanApiException ex) when (ex.StatusCode == 409 && ex.ErrorCode is "conflict" or "already_exists")
        {
            // Already attached here, or attached elsewhere in a way that excludes this mount.
            var record = HypemanErrors.FromException(ex, instanceId, ErrorCategory.ResourceExists, "VolumeAttachConflict");
            record.ErrorDetails = new ErrorDetails(
                $"Volume '{knownVolume?.Name ?? volumeId}' cannot be attached to {DescribeInstance(instanceId, InstanceName)}: {ex.ServerMessage}");
            WriteError(record);
        }
        catch (HypemanException ex) when (ex is not HypemanApiException { IsNotImplemented: true })
        {
            WriteFailure(ex, instanceId);
        }
    }
}
