using System.Security;

namespace Hypeman;

/// <summary>Where a connection's settings came from.</summary>
public enum ConnectionSource
{
    /// <summary>Given to Connect-Hypeman.</summary>
    Parameter,
    /// <summary>HYPEMAN_BASE_URL / HYPEMAN_API_KEY.</summary>
    Environment,
    /// <summary>~/.config/hypeman/cli.yaml, as the Go CLI reads it.</summary>
    ConfigFile,
    /// <summary>Nothing was configured; http://localhost:8080 is assumed.</summary>
    Default,
}

/// <summary>
/// An immutable description of one Hypeman server and how to talk to it. The API key is held
/// as a <see cref="SecureString"/> and is deliberately not a public property, so that it can
/// never appear in formatted output, ConvertTo-Json or error records.
/// </summary>
public sealed class HypemanConnection
{
    /// <summary>Default time to establish a TCP/TLS connection.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default time for one whole API call (all retries included).</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The base URL used when nothing else is configured (the Go CLI's default).</summary>
    public static readonly Uri DefaultBaseUrl = new("http://localhost:8080/");

    private readonly SecureString? _apiKey;

    public HypemanConnection(
        Uri baseUrl,
        SecureString? apiKey,
        string? name = null,
        ConnectionSource source = ConnectionSource.Parameter,
        bool skipCertificateCheck = false,
        TimeSpan? connectTimeout = null,
        TimeSpan? requestTimeout = null,
        int maxRetries = 3,
        TimeSpan? retryBaseDelay = null,
        string? apiVersion = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The base URL '{baseUrl}' must be an absolute http or https URL.", nameof(baseUrl));
        if (maxRetries < 0) throw new ArgumentOutOfRangeException(nameof(maxRetries));

        // Always end with '/' so that relative API paths append to any path prefix.
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        if (apiKey is { Length: > 0 })
        {
            _apiKey = apiKey.Copy();
            _apiKey.MakeReadOnly();
        }
        Name = string.IsNullOrWhiteSpace(name) ? BaseUrl.Authority : name;
        Source = source;
        SkipCertificateCheck = skipCertificateCheck;
        ConnectTimeout = connectTimeout ?? DefaultConnectTimeout;
        RequestTimeout = requestTimeout ?? DefaultRequestTimeout;
        MaxRetries = maxRetries;
        RetryBaseDelay = retryBaseDelay ?? TimeSpan.FromMilliseconds(500);
        ApiVersion = apiVersion;
    }

    /// <summary>The connection's name (by default the server's host:port).</summary>
    public string Name { get; }

    /// <summary>The server's base URL, always ending with '/'.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Where the settings came from.</summary>
    public ConnectionSource Source { get; }

    /// <summary>Whether an API key (a JWT) is sent with requests.</summary>
    public bool HasApiKey => _apiKey is not null;

    /// <summary>The server's API version as detected by Connect-Hypeman ("0.3.0" or "0.2.0"), or null if not probed.</summary>
    public string? ApiVersion { get; }

    public bool SkipCertificateCheck { get; }
    public TimeSpan ConnectTimeout { get; }
    public TimeSpan RequestTimeout { get; }
    public int MaxRetries { get; }
    public TimeSpan RetryBaseDelay { get; }

    /// <summary>The API key; internal so that it never reaches output.</summary>
    internal SecureString? ApiKey => _apiKey;

    /// <summary>A copy with a detected API version and a name.</summary>
    public HypemanConnection With(string? name = null, string? apiVersion = null) =>
        new(BaseUrl, _apiKey, name ?? Name, Source, SkipCertificateCheck, ConnectTimeout, RequestTimeout,
            MaxRetries, RetryBaseDelay, apiVersion ?? ApiVersion);

    /// <summary>
    /// A key for the transport settings that shape the HTTP handler pipeline; connections
    /// that share it share one pooled handler.
    /// </summary>
    internal string TransportKey =>
        $"hypeman|{SkipCertificateCheck}|{ConnectTimeout.Ticks}|{MaxRetries}|{RetryBaseDelay.Ticks}";

    public override string ToString() => $"{Name} ({BaseUrl})";
}
