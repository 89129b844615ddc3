using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hypeman.Serialization;

/// <summary>
/// Source-generated serializer metadata for every model. Tolerant by design: unknown
/// properties are skipped (the default), enums are plain strings, numbers may come quoted.
/// Optional request fields that are null are left out of request bodies.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = false,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(Instance))]
[JsonSerializable(typeof(List<Instance>))]
[JsonSerializable(typeof(Volume))]
[JsonSerializable(typeof(List<Volume>))]
[JsonSerializable(typeof(CreateVolumeRequest))]
[JsonSerializable(typeof(AttachVolumeRequest))]
internal sealed partial class HypemanJsonContext : JsonSerializerContext
{
}
