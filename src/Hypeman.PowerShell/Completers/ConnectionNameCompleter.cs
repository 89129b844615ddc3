using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Hypeman.PowerShell;

/// <summary>Completes the names of this runspace's connections.</summary>
public sealed class ConnectionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Match(wordToComplete, HypemanSession.Current.Connections.Select(c => (c.Name, c.Name, c.BaseUrl.ToString())));
}
