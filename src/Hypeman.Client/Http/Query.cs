using System.Text;

namespace Hypeman.Http;

/// <summary>Builds query strings: skips null values, escapes keys and values, writes tag filters as deepObject (<c>tags[k]=v</c>).</summary>
internal readonly struct Query
{
    private readonly string _text;

    private Query(string text) => _text = text;

    public static Query Build(params (string Name, string? Value)[] parameters)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
            if (value is not null) Append(text, Uri.EscapeDataString(name), value);
        return new Query(text.ToString());
    }

    public Query WithTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null || tags.Count == 0) return this;
        var text = new StringBuilder(_text);
        // Sorted so that the same filter always makes the same URL.
        foreach (var tag in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            Append(text, "tags[" + Uri.EscapeDataString(tag.Key) + "]", tag.Value);
        return new Query(text.ToString());
    }

    public static implicit operator string(Query query) => query._text;

    public override string ToString() => _text;

    private static void Append(StringBuilder text, string escapedName, string value) =>
        text.Append(text.Length == 0 ? '?' : '&').Append(escapedName).Append('=').Append(Uri.EscapeDataString(value));
}
