using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Forgets connections made with Connect-Hypeman in this runspace (by default, the default one).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Hypeman")]
[OutputType(typeof(void))]
public sealed class DisconnectHypemanCommand : HypemanCmdlet
{
    /// <summary>Names of the connections to forget; wildcards allowed. Without it, the default connection.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        var session = HypemanSession.Current;
        if (Name is null)
        {
            if (session.Default is { } current)
            {
                session.Disconnect(current);
                WriteVerbose($"Disconnected from {current}.");
            }
            else
            {
                WriteVerbose("There is no default Hypeman connection in this session.");
            }
            return;
        }

        foreach (var connection in session.Match(Name, WriteError))
        {
            session.Disconnect(connection);
            WriteVerbose($"Disconnected from {connection}.");
        }
    }
}
