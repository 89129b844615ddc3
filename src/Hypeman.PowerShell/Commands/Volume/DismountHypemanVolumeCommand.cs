using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Detaches a volume from an instance (DELETE /instances/{id}/volumes/{volumeId}) and writes the updated instance.</summary>
[Cmdlet(VerbsData.Dismount, "HypemanVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Instance))]
public sealed class DismountHypemanVolumeCommand : VolumeAttachmentCmdlet
{
    protected override void Process(string instanceId, string volumeId, Volume? knownVolume, bool? attached)
    {
        if (attached == false)
        {
            WriteNotAttached(instanceId, volumeId, knownVolume);
            return;
        }
        if (!ShouldProcess(Describe(instanceId, volumeId, knownVolume), "Dismount")) return;
        try
        {
            WriteObject(Run(token => Client.DetachVolumeAsync(instanceId, volumeId, token)));
        }
        catch (HypemanApiException ex) when (ex.StatusCode == 404 && knownVolume is not null)
        {
            // The volume exists (checked before any instance), so a 404 means the instance is
            // missing or does not have it; one look at the instance tells which.
            if (InstanceExists(instanceId) == true) WriteNotAttached(instanceId, volumeId, knownVolume);
            else WriteFailure(ex, instanceId);
        }
        catch (HypemanException ex) when (ex is not HypemanApiException { IsNotImplemented: true })
        {
            WriteFailure(ex, instanceId);
        }
    }

    /// <summary>Whether the instance exists; null when the server cannot say.</summary>
    private bool? InstanceExists(string instanceId)
    {
        try
        {
            Run(token => Client.GetInstanceAsync(instanceId, token));
            return true;
        }
        catch (HypemanApiException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
        catch (HypemanException)
        {
            return null;
        }
    }

    private void WriteNotAttached(string instanceId, string volumeId, Volume? knownVolume) =>
        WriteError(HypemanErrors.Create("VolumeNotAttached", ErrorCategory.ObjectNotFound, instanceId,
            $"Volume '{knownVolume?.Name ?? volumeId}' is not attached to {DescribeInstance(instanceId, InstanceName)}."));
}
