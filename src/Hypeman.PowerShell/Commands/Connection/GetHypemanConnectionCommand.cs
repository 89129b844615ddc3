using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>
/// Lists this runspace's connections, the default first. With none made, shows the connection
/// the cmdlets would use (from the environment, the CLI's config file or the default URL).
/// </summary>
[Cmdlet(VerbsCommon.Get, "HypemanConnection")]
[OutputType(typeof(HypemanConnection))]
public sealed class GetHypemanConnectionCommand : HypemanCmdlet
{
    /// <summary>Names to show; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        var connections = HypemanSession.Current.Connections;
        if (Name is null)
        {
            if (connections.Count > 0)
            {
                WriteObject(connections, enumerateCollection: true);
                return;
            }
            try
            {
                WriteObject(ConnectionDefaults.Resolve());
            }
            catch (ArgumentException ex)
            {
                WriteError(HypemanErrors.Create("InvalidConfiguration", ErrorCategory.InvalidData, null, ex.Message));
            }
            return;
        }

        foreach (var name in Name)
        {
            var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            var matches = connections.Where(c => pattern.IsMatch(c.Name)).ToList();
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                WriteError(HypemanErrors.Create("ConnectionNotFound", ErrorCategory.ObjectNotFound, name,
                    $"There is no Hypeman connection named '{name}' in this session."));
            WriteObject(matches, enumerateCollection: true);
        }
    }
}
