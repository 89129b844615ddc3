using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Hypeman.PowerShell;

/// <summary>
/// Completes volumes from the server: names where they are unique, IDs otherwise. For
/// Dismount-HypemanVolume with -InstanceId already typed, only that instance's volumes.
/// </summary>
public sealed class VolumeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var volumes = Completion.Query(fakeBoundParameters, "volumes",
            async (client, token) => await client.ListVolumesAsync(null, token).ToListAsync(token).ConfigureAwait(false));
        if (volumes is null) return [];

        IEnumerable<Volume> candidates = volumes;
        if (commandName.EndsWith("Dismount-HypemanVolume", StringComparison.OrdinalIgnoreCase)
            && Completion.Bound(fakeBoundParameters, "InstanceId") is { } instanceId)
        {
            var instance = Completion.Query(fakeBoundParameters, "instance|" + instanceId,
                (client, token) => client.GetInstanceAsync(instanceId, token));
            if (instance is not null)
            {
                var attached = instance.Volumes.Select(v => v.VolumeId).ToHashSet(StringComparer.Ordinal);
                candidates = volumes.Where(v => attached.Contains(v.Id));
            }
        }

        bool byId = parameterName == "Id";
        var duplicateNames = volumes.GroupBy(v => v.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return Completion.Match(wordToComplete, candidates.Select(v =>
        {
            var text = byId || duplicateNames.Contains(v.Name) ? v.Id : v.Name;
            return (text, byId ? v.Id : v.Name, $"{v.Name} ({v.Id}) {v.SizeGB} GB, {v.Attachments.Count} attachment(s)");
        }));
    }
}
