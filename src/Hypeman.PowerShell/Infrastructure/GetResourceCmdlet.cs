using System.Management.Automation;

namespace Hypeman.PowerShell;

/// <summary>
/// What Get-HypemanInstance and Get-HypemanVolume share: no identifier lists everything (one
/// streamed call); an exact identifier goes straight to the server, which resolves IDs and names
/// itself; wildcards are matched here against names and IDs of one listing. Each resource is
/// written once, however many identifiers match it.
/// </summary>
public abstract class GetResourceCmdlet<T> : HypemanApiCmdlet where T : class
{
    protected const string ByName = "ByName";
    protected const string ById = "ById";

    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    /// <summary>"instance" or "volume", for messages.</summary>
    protected abstract string Noun { get; }

    protected abstract IAsyncEnumerable<T> List(CancellationToken cancellationToken);
    protected abstract Task<T> Fetch(string identifier, CancellationToken cancellationToken);
    protected abstract string IdOf(T resource);
    protected abstract string NameOf(T resource);

    /// <summary>Client-side filters (state, tags): applied to every result, also when the server filtered.</summary>
    protected abstract bool Keep(T resource);

    protected void WriteResources(IReadOnlyList<string>? identifiers)
    {
        if (identifiers is null || identifiers.Count == 0)
        {
            WriteListed(_ => true, null);
            return;
        }

        var patterns = new List<WildcardPattern>();
        var patternText = new List<string>();
        foreach (var identifier in identifiers)
        {
            if (WildcardPattern.ContainsWildcardCharacters(identifier))
            {
                patterns.Add(WildcardPattern.Get(identifier, WildcardOptions.IgnoreCase));
                patternText.Add(identifier);
                continue;
            }
            try
            {
                var resource = Run(token => Fetch(identifier, token));
                if (Keep(resource)) Emit(resource);
            }
            catch (HypemanApiException ex) when (ex.StatusCode == 404)
            {
                WriteError(HypemanErrors.Create(Capitalized + "NotFound", ErrorCategory.ObjectNotFound, identifier,
                    $"No {Noun} with the ID or name '{identifier}' was found."));
            }
            catch (HypemanException ex)
            {
                WriteFailure(ex, identifier);
            }
        }
        if (patterns.Count > 0)
            WriteListed(r => patterns.Exists(p => p.IsMatch(NameOf(r)) || p.IsMatch(IdOf(r))), string.Join(", ", patternText));
    }

    private string Capitalized => char.ToUpperInvariant(Noun[0]) + Noun[1..];

    private void WriteListed(Func<T, bool> match, string? target)
    {
        try
        {
            foreach (var resource in Stream(List))
                if (match(resource) && Keep(resource)) Emit(resource);
        }
        catch (HypemanException ex)
        {
            WriteFailure(ex, target);
        }
    }

    private void Emit(T resource)
    {
        if (_written.Add(IdOf(resource))) WriteObject(resource);
    }

    /// <summary>True when every wanted tag is present with the same value.</summary>
    protected static bool HasTags(IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string>? wanted) =>
        wanted is null || wanted.All(w => tags.TryGetValue(w.Key, out var value) && value == w.Value);
}
