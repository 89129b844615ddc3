using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hypeman.Client.Tests.Models;

/// <summary>Small helpers around the source-generated context.</summary>
internal static class ModelJson
{
    public static T Read<T>(string json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new InvalidOperationException("The document deserialized to null.");

    public static JsonElement Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(value, typeInfo));
        return document.RootElement.Clone();
    }

    public static string[] PropertyNames(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToArray();

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
