using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hypeman.Emulator.Json;

/// <summary>Tolerant readers for optional members of request JSON (already schema-checked, or seed files).</summary>
internal static class JsonRead
{
    public static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public static bool Flag(JsonElement o, string name) => o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<string>? StringList(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : null;

    /// <summary>A string map (env, tags); empty when absent.</summary>
    public static Dictionary<string, string> StringMap(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A nested object kept as sent (policies the emulator only echoes).</summary>
    public static JsonNode? Object(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object ? JsonNode.Parse(p.GetRawText()) : null;
}
