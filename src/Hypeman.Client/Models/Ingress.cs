using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>An HTTP ingress routing host names to instances. Schema <c>Ingress</c>.</summary>
public sealed class Ingress
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The ingress's ID under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string IngressId => Id;

    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = value ?? Instance.EmptyMap; }
    [JsonPropertyName("rules")] public IReadOnlyList<IngressRule> Rules { get => _rules; init => _rules = value ?? []; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }

    private IReadOnlyDictionary<string, string> _tags = Instance.EmptyMap;
    private IReadOnlyList<IngressRule> _rules = [];

    public override string ToString() => Id;
}

/// <summary>One routing rule of an ingress. Schema <c>IngressRule</c>.</summary>
public sealed class IngressRule
{
    [JsonPropertyName("match")] public IngressMatch Match { get => _match; init => _match = value ?? new(); }
    [JsonPropertyName("target")] public IngressTarget Target { get => _target; init => _target = value ?? new(); }

    /// <summary>TLS termination with an ACME certificate.</summary>
    [JsonPropertyName("tls")] public bool? Tls { get; init; }
    [JsonPropertyName("redirect_http")] public bool? RedirectHttp { get; init; }

    /// <summary>Header that requests must carry. Its value is a secret, so the default views never show it.</summary>
    [JsonPropertyName("request_header_auth")] public IngressRequestHeaderAuth? RequestHeaderAuth { get; init; }

    private IngressMatch _match = new();
    private IngressTarget _target = new();

    public override string ToString() => $"{Match} -> {Target}";
}

/// <summary>What an ingress rule matches. Schema <c>IngressMatch</c>.</summary>
public sealed class IngressMatch
{
    /// <summary>Literal host name, or a pattern with captures such as "{instance}.example.com".</summary>
    [JsonPropertyName("hostname")] public string Hostname { get; init; } = "";

    /// <summary>Host port to listen on (80 when null).</summary>
    [JsonPropertyName("port")] public int? Port { get; init; }

    public override string ToString() => Port is { } port ? $"{Hostname}:{port}" : Hostname;
}

/// <summary>Where an ingress rule sends traffic. Schema <c>IngressTarget</c>.</summary>
public sealed class IngressTarget
{
    /// <summary>Instance name or ID, or a capture reference such as "{instance}".</summary>
    [JsonPropertyName("instance")] public string Instance { get; init; } = "";
    [JsonPropertyName("port")] public int Port { get; init; }

    public override string ToString() => $"{Instance}:{Port}";
}

/// <summary>A header that must match before a request is proxied. Schema <c>IngressRequestHeaderAuth</c>.</summary>
public sealed class IngressRequestHeaderAuth
{
    [JsonPropertyName("header")] public string Header { get; init; } = "";

    /// <summary>The exact value required (a secret).</summary>
    [JsonPropertyName("value")] public string Value { get; init; } = "";

    /// <summary>The header name only, never the secret value.</summary>
    public override string ToString() => Header;
}
