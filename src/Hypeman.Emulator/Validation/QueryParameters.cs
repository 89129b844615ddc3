using System.Globalization;
using Hypeman.Emulator.Http;

namespace Hypeman.Emulator.Validation;

/// <summary>Query parameters as the OpenAPI validator reads them, including deepObject tags[key]=value.</summary>
internal static class QueryParameters
{
    public sealed record TagsOutcome(IReadOnlyDictionary<string, string>? Tags, IResult? Error);

    /// <summary>Collects tags[k]=v pairs; null when none were given.</summary>
    public static TagsOutcome Tags(HttpRequest request)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query)
        {
            if (!key.StartsWith("tags[", StringComparison.Ordinal) || !key.EndsWith(']')) continue;
            tags[key[5..^1]] = values.LastOrDefault() ?? "";
        }
        if (tags.Count == 0) return new TagsOutcome(null, null);

        var json = System.Text.Json.JsonSerializer.SerializeToElement(tags);
        if (Schemas.Tags.Validate(json) is { } error) return new TagsOutcome(null, ParameterError("tags", error));
        return new TagsOutcome(tags, null);
    }

    /// <summary>An optional string parameter checked against a schema; Error is set when the value is invalid.</summary>
    public static (string? Value, IResult? Error) String(HttpRequest request, string name, StringSchema? schema = null, bool required = false)
    {
        if (!request.Query.TryGetValue(name, out var values) || values.Count == 0)
            return (null, required ? ParameterError(name, "value is required but missing") : null);
        var value = values[0] ?? "";
        if (schema?.CheckText(value) is { } error) return (null, ParameterError(name, error));
        return (value, null);
    }

    public static (long? Value, IResult? Error) Integer(HttpRequest request, string name, bool required)
    {
        var (text, error) = String(request, name, null, required);
        if (error is not null || text is null) return (null, error);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return (null, ParameterError(name, $"value {text}: an invalid integer: invalid syntax"));
        return (value, null);
    }

    public static IResult ParameterError(string name, string reason) =>
        ApiResults.ValidationFailed($"parameter \"{name}\" in query has an error: {reason}");

    /// <summary>True when every requested tag is present with the same value (filters are ANDed).</summary>
    public static bool Matches(IReadOnlyDictionary<string, string>? filter, IReadOnlyDictionary<string, string> tags) =>
        filter is null || filter.All(f => tags.TryGetValue(f.Key, out var v) && v == f.Value);
}
