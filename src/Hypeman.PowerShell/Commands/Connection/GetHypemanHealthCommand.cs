using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Asks the server's /health endpoint, which needs no API key.</summary>
[Cmdlet(VerbsCommon.Get, "HypemanHealth")]
[OutputType(typeof(Health))]
public sealed class GetHypemanHealthCommand : HypemanApiCmdlet
{
    protected override bool RequiresApiKey => false;

    protected override void EndProcessing()
    {
        if (TryRun(Client.Connection.BaseUrl, token => Client.GetHealthAsync(token), out var health)) WriteObject(health);
        base.EndProcessing();
    }
}
