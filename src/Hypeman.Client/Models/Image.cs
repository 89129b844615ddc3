using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>An OCI image converted for Hypeman. Schema <c>Image</c>.</summary>
public sealed class Image
{
    /// <summary>Normalised OCI reference (tag or digest form).</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The image's name under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string ImageName => Name;

    [JsonPropertyName("digest")] public string Digest { get; init; } = "";
    [JsonPropertyName("platform")] public string? Platform { get; init; }

    /// <summary>Status as the server sent it (see <see cref="ImageStatus"/>).</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("queue_position")] public int? QueuePosition { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("size_bytes")] public long? SizeBytes { get; init; }

    /// <summary>Entrypoint from the image config (empty until the image is ready).</summary>
    [JsonPropertyName("entrypoint")] public IReadOnlyList<string> Entrypoint { get => _entrypoint; init => _entrypoint = value ?? []; }

    /// <summary>CMD from the image config (empty until the image is ready).</summary>
    [JsonPropertyName("cmd")] public IReadOnlyList<string> Cmd { get => _cmd; init => _cmd = value ?? []; }
    [JsonPropertyName("env")] public IReadOnlyDictionary<string, string> Env { get => _env; init => _env = value ?? Instance.EmptyMap; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = value ?? Instance.EmptyMap; }
    [JsonPropertyName("working_dir")] public string? WorkingDir { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }

    private IReadOnlyList<string> _entrypoint = [];
    private IReadOnlyList<string> _cmd = [];
    private IReadOnlyDictionary<string, string> _env = Instance.EmptyMap;
    private IReadOnlyDictionary<string, string> _tags = Instance.EmptyMap;

    /// <summary>The name, so that an image converted to a string still names it.</summary>
    public override string ToString() => Name;
}

/// <summary>Known values of <c>Image.status</c>, in the order an image goes through them.</summary>
public static class ImageStatus
{
    public const string Pending = "pending";
    public const string Pulling = "pulling";
    public const string Converting = "converting";
    public const string Ready = "ready";
    public const string Failed = "failed";

    /// <summary>Every known status, in lifecycle order.</summary>
    public static readonly IReadOnlyList<string> All = [Pending, Pulling, Converting, Ready, Failed];
}
