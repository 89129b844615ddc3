using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Deletes instances in any state, with their data (DELETE /instances/{id}). Attached volumes are detached, not deleted.</summary>
[Cmdlet(VerbsCommon.Remove, "HypemanInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveHypemanInstanceCommand : InstanceCmdlet
{
    /// <summary>Do not ask for confirmation (-WhatIf still only reports).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in InstanceId)
        {
            if (!ShouldProcess(Describe(id), "Remove (delete the instance and its data)", Force)) continue;
            TryRun(id, async token => { await Client.DeleteInstanceAsync(id, token).ConfigureAwait(false); return true; }, out _);
        }
    }
}
