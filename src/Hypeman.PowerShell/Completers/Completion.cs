using System.Collections;
using System.Management.Automation;
using Hypeman.Client.Http;

namespace Hypeman.PowerShell;

/// <summary>
/// Shared plumbing of the argument completers: fast (two-second limit, results cached per
/// runspace for a few seconds) and silent (any failure completes nothing).
/// </summary>
internal static class Completion
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>Asks the server (through the cache); null when it cannot answer in time.</summary>
    public static T? Query<T>(IDictionary fakeBoundParameters, string what, Func<HypemanClient, CancellationToken, Task<T>> query) where T : class
    {
        try
        {
            var connection = ConnectionFor(fakeBoundParameters);
            if (connection is null || !connection.HasApiKey) return null;
            var session = HypemanSession.Current;
            return session.Completions.GetOrAdd($"{connection.BaseUrl}|{what}", () =>
            {
                using var limit = new CancellationTokenSource(Limit);
                var client = new HypemanClient(HypemanHttp.CreateClient(connection), connection);
                return query(client, limit.Token).GetAwaiter().GetResult();
            });
        }
        catch (Exception)
        {
            return null; // completion never shows errors
        }
    }

    /// <summary>Results whose text or list text starts with the word typed (wildcards allowed), quoted when needed.</summary>
    public static IEnumerable<CompletionResult> Match(string wordToComplete, IEnumerable<(string Text, string ListText, string ToolTip)> candidates)
    {
        var word = Unquote(wordToComplete);
        var pattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase);
        return candidates
            .Where(c => pattern.IsMatch(c.Text) || pattern.IsMatch(c.ListText))
            .DistinctBy(c => c.Text, StringComparer.Ordinal)
            .OrderBy(c => c.ListText, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CompletionResult(Quote(c.Text), c.ListText, CompletionResultType.ParameterValue, c.ToolTip));
    }

    public static string? Bound(IDictionary fakeBoundParameters, string name)
    {
        var value = fakeBoundParameters.Contains(name) ? fakeBoundParameters[name] : null;
        if (value is PSObject wrapped) value = wrapped.BaseObject;
        return value switch
        {
            string text => text,
            Array { Length: 1 } one => one.GetValue(0)?.ToString(),
            _ => null,
        };
    }

    private static HypemanConnection? ConnectionFor(IDictionary fakeBoundParameters)
    {
        var value = fakeBoundParameters.Contains("Connection") ? fakeBoundParameters["Connection"] : null;
        if (value is PSObject wrapped) value = wrapped.BaseObject;
        return value switch
        {
            HypemanConnection connection => connection,
            string name => HypemanSession.Current.Find(name),
            _ => HypemanSession.Current.Default ?? ConnectionDefaults.Resolve(),
        };
    }

    private static string Unquote(string word) => word.Trim('\'', '"');

    private static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':') ? text : "'" + text.Replace("'", "''") + "'";
}
