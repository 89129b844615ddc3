using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Hypeman.PowerShell;

/// <summary>Completes instance names (IDs for -Id) from the server, with state and image as the tooltip.</summary>
public sealed class InstanceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var instances = Completion.Query(fakeBoundParameters, "instances",
            async (client, token) => await client.ListInstancesAsync(null, null, token).ToListAsync(token).ConfigureAwait(false));
        if (instances is null) return [];
        bool byId = parameterName == "Id";
        return Completion.Match(wordToComplete, instances.Select(i =>
            (byId ? i.Id : i.Name, byId ? i.Id : i.Name, $"{i.Name} ({i.Id}) {i.State} {i.Image}")));
    }
}
