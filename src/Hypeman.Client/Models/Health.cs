using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Answer of <c>GET /health</c>. Schema <c>Health</c>.</summary>
public sealed class Health
{
    [JsonPropertyName("status")] public string Status { get; init; } = "";
}
