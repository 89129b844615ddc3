using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hypeman.Emulator.Validation;

/// <summary>
/// A small subset of JSON Schema, enough to check request bodies and parameters the way the server's
/// OpenAPI validator (kin-openapi) does. Validate returns the first problem as kin-openapi words it,
/// or null when the value is valid.
/// </summary>
internal abstract class Schema
{
    public bool Nullable { get; init; }

    public string? Validate(JsonElement value) => Validate(value, "");

    public string? Validate(JsonElement value, string pointer)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return Nullable ? null : At(pointer, "Value is not nullable");
        return Check(value, pointer);
    }

    protected abstract string? Check(JsonElement value, string pointer);

    /// <summary>kin-openapi prefixes errors below the root with the JSON pointer of the bad value.</summary>
    protected static string At(string pointer, string reason) =>
        pointer.Length == 0 ? reason : $"Error at \"{pointer}\": {reason}";

    protected static string Quote(string s) => JsonSerializer.Serialize(s);
}

internal sealed class AnySchema : Schema
{
    protected override string? Check(JsonElement value, string pointer) => null;
}

internal sealed class BooleanSchema : Schema
{
    protected override string? Check(JsonElement value, string pointer) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : At(pointer, "value must be a boolean");
}

internal sealed class IntegerSchema : Schema
{
    public long? Minimum { get; init; }
    public long? Maximum { get; init; }

    protected override string? Check(JsonElement value, string pointer)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var d) || d != Math.Floor(d))
            return At(pointer, "value must be an integer");
        if (Minimum is { } min && d < min) return At(pointer, $"number must be at least {min}");
        if (Maximum is { } max && d > max) return At(pointer, $"number must be at most {max}");
        return null;
    }
}

internal sealed class StringSchema : Schema
{
    private readonly Regex? _regex;

    public StringSchema(string? pattern = null)
    {
        Pattern = pattern;
        _regex = pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant);
    }

    public string? Pattern { get; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public IReadOnlyList<string>? Enum { get; init; }
    public bool DateTime { get; init; }

    protected override string? Check(JsonElement value, string pointer) =>
        value.ValueKind != JsonValueKind.String ? At(pointer, "value must be a string") : CheckText(value.GetString()!, pointer);

    /// <summary>Checks a string that did not come from JSON (a query or path parameter).</summary>
    public string? CheckText(string text, string pointer = "")
    {
        var length = text.EnumerateRunes().Count();
        if (MinLength is { } min && length < min) return At(pointer, $"minimum string length is {min}");
        if (MaxLength is { } max && length > max) return At(pointer, $"maximum string length is {max}");
        if (_regex is not null && !_regex.IsMatch(text))
            return At(pointer, $"string doesn't match the regular expression {Quote(Pattern!)}");
        if (Enum is not null && !Enum.Contains(text))
            return At(pointer, $"value is not one of the allowed values {JsonSerializer.Serialize(Enum)}");
        if (DateTime && !Formats.Timestamps.TryParse(text, out _))
            return At(pointer, "string doesn't match the format \"date-time\"");
        return null;
    }
}

internal sealed class ArraySchema(Schema items) : Schema
{
    public int? MinItems { get; init; }

    protected override string? Check(JsonElement value, string pointer)
    {
        if (value.ValueKind != JsonValueKind.Array) return At(pointer, "value must be an array");
        if (MinItems is { } min && value.GetArrayLength() < min) return At(pointer, $"minimum number of items is {min}");
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (items.Validate(item, $"{pointer}/{index++}") is { } error) return error;
        }
        return null;
    }
}

/// <summary>An object with known properties, and/or a map whose values all follow AdditionalProperties.</summary>
internal sealed class ObjectSchema : Schema
{
    public IReadOnlyDictionary<string, Schema> Properties { get; init; } = new Dictionary<string, Schema>();
    public IReadOnlyList<string> Required { get; init; } = [];
    public Schema? AdditionalProperties { get; init; }
    public StringSchema? PropertyNames { get; init; }
    public int? MaxProperties { get; init; }
    public int? MinProperties { get; init; }

    protected override string? Check(JsonElement value, string pointer)
    {
        if (value.ValueKind != JsonValueKind.Object) return At(pointer, "value must be an object");
        var count = value.EnumerateObject().Count();
        if (MaxProperties is { } max && count > max) return At(pointer, $"there must be at most {max} properties");
        if (MinProperties is { } min && count < min) return At(pointer, $"there must be at least {min} properties");
        foreach (var name in Required)
        {
            if (!value.TryGetProperty(name, out _)) return At($"{pointer}/{name}", $"property {Quote(name)} is missing");
        }
        foreach (var property in value.EnumerateObject())
        {
            var childPointer = $"{pointer}/{property.Name}";
            if (PropertyNames?.CheckText(property.Name) is { } nameError)
                return At(childPointer, $"property name {Quote(property.Name)}: {nameError}");
            if (Properties.TryGetValue(property.Name, out var schema))
            {
                if (schema.Validate(property.Value, childPointer) is { } error) return error;
            }
            else if (AdditionalProperties?.Validate(property.Value, childPointer) is { } extraError)
            {
                return extraError;
            }
        }
        return null;
    }
}
