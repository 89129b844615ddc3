using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Hypeman.PowerShell;

/// <summary>Completes instance states. A completer rather than ValidateSet, so states added by newer servers still pass.</summary>
public sealed class StateCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Match(wordToComplete, InstanceState.All.Select(s => (s, s, s)));
}
