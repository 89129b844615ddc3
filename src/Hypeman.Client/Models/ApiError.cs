using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>An error body as the server sends it. Schema <c>Error</c>.</summary>
public sealed class ApiError
{
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("details")] public IReadOnlyList<ErrorDetail> Details { get => _details; init => _details = value ?? []; }
    [JsonPropertyName("inner_error")] public ErrorDetail? InnerError { get; init; }

    private IReadOnlyList<ErrorDetail> _details = [];
}

/// <summary>Schema <c>ErrorDetail</c>.</summary>
public sealed class ErrorDetail
{
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
}
