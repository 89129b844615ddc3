using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>
/// Lists this runspace's connections (made with Connect-Hypeman), the default first; with
/// -Default, the one connection that cmdlets use when not given -Connection, wherever it comes from.
/// </summary>
[Cmdlet(VerbsCommon.Get, "HypemanConnection", DefaultParameterSetName = ByName)]
[OutputType(typeof(HypemanConnection))]
public sealed class GetHypemanConnectionCommand : HypemanCmdlet
{
    private const string ByName = "ByName";
    private const string DefaultSet = "Default";

    /// <summary>Names to show; wildcards allowed.</summary>
    [Parameter(Position = 0, ParameterSetName = ByName)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Show the connection cmdlets use without -Connection: this runspace's default, else the one from the environment, the CLI's config file or http://localhost:8080.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DefaultSet)]
    public SwitchParameter Default { get; set; }

    protected override void ProcessRecord()
    {
        var session = HypemanSession.Current;
        if (ParameterSetName == DefaultSet)
        {
            try
            {
                WriteObject(session.Default ?? ConnectionDefaults.Resolve());
            }
            catch (ArgumentException ex)
            {
                WriteError(HypemanErrors.Create("InvalidConfiguration", ErrorCategory.InvalidData, null, ex.Message));
            }
            return;
        }

        WriteObject(Name is null ? session.Connections : session.Match(Name, WriteError), enumerateCollection: true);
    }
}
