using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Deletes volumes and their data (DELETE /volumes/{id}). The server refuses while a volume is attached.</summary>
[Cmdlet(VerbsCommon.Remove, "HypemanVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveHypemanVolumeCommand : HypemanApiCmdlet
{
    /// <summary>The volumes, by ID or name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VolumeCompleter))]
    [ResourceIdentifier("VolumeId")]
    public string[] VolumeId { get; set; } = null!;

    /// <summary>Do not ask for confirmation (-WhatIf still only reports).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in VolumeId)
        {
            if (!ShouldProcess($"volume '{id}'", "Remove (delete the volume and its data)", Force)) continue;
            try
            {
                Run(token => Client.DeleteVolumeAsync(id, token));
            }
            catch (HypemanApiException ex) when (ex.StatusCode == 409 && ex.ErrorCode == "conflict")
            {
                var record = HypemanErrors.FromException(ex, id, ErrorCategory.ResourceBusy, "VolumeInUse");
                record.ErrorDetails = new ErrorDetails($"Volume '{id}' is attached to an instance and cannot be removed: {ex.ServerMessage}")
                {
                    RecommendedAction = "Get-HypemanVolume shows its Attachments; dismount it or remove those instances first.",
                };
                WriteError(record);
            }
            catch (HypemanException ex)
            {
                WriteFailure(ex, id);
            }
        }
    }
}
