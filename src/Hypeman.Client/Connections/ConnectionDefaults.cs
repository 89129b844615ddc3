using System.Security;

namespace Hypeman;

/// <summary>
/// Resolves a connection from the places the Go CLI reads: the HYPEMAN_BASE_URL and
/// HYPEMAN_API_KEY environment variables, then ~/.config/hypeman/cli.yaml (same path on every
/// OS), then http://localhost:8080. Empty values are ignored, as the CLI does.
/// </summary>
public static class ConnectionDefaults
{
    public const string BaseUrlVariable = "HYPEMAN_BASE_URL";
    public const string ApiKeyVariable = "HYPEMAN_API_KEY";

    /// <summary>The CLI's configuration file for the current user.</summary>
    public static string ConfigFilePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "hypeman", "cli.yaml");

    /// <summary>Builds the implicit connection. Environment values win over the file, each setting on its own.</summary>
    public static HypemanConnection Resolve(Func<string, string?>? getEnvironment = null, string? configFilePath = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        var file = ReadConfigFile(configFilePath ?? ConfigFilePath);

        var source = ConnectionSource.Default;
        Uri baseUrl = HypemanConnection.DefaultBaseUrl;
        string? urlText = NonEmpty(getEnvironment(BaseUrlVariable));
        if (urlText is not null) source = ConnectionSource.Environment;
        else if ((urlText = NonEmpty(file.GetValueOrDefault("base_url"))) is not null) source = ConnectionSource.ConfigFile;
        if (urlText is not null)
        {
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out var parsed))
                throw new ArgumentException($"The Hypeman base URL '{urlText}' (from {Describe(source)}) is not an absolute URL.");
            baseUrl = parsed;
        }

        string? key = NonEmpty(getEnvironment(ApiKeyVariable));
        var keySource = ConnectionSource.Environment;
        if (key is null && (key = NonEmpty(file.GetValueOrDefault("api_key"))) is not null) keySource = ConnectionSource.ConfigFile;
        if (key is not null && source == ConnectionSource.Default) source = keySource;

        return new HypemanConnection(baseUrl, key is null ? null : ToSecureString(key), source: source);
    }

    /// <summary>Reads the flat "key: value" pairs of the CLI's YAML file; a missing or unreadable file is empty.</summary>
    internal static Dictionary<string, string> ReadConfigFile(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            if (!File.Exists(path)) return values;
            lines = File.ReadAllLines(path);
        }
        catch (IOException) { return values; }
        catch (UnauthorizedAccessException) { return values; }

        foreach (var raw in lines)
        {
            // Only top-level scalar keys matter (base_url, api_key); nested or list lines are skipped.
            if (raw.Length == 0 || char.IsWhiteSpace(raw[0]) || raw[0] == '#' || raw[0] == '-') continue;
            int colon = raw.IndexOf(':');
            if (colon <= 0) continue;
            var key = raw[..colon].Trim();
            var value = StripComment(raw[(colon + 1)..].Trim());
            values[key] = Unquote(value);
        }
        return values;
    }

    internal static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    internal static string Describe(ConnectionSource source) => source switch
    {
        ConnectionSource.Environment => $"the {BaseUrlVariable} environment variable",
        ConnectionSource.ConfigFile => ConfigFilePath,
        ConnectionSource.Parameter => "the -BaseUrl parameter",
        _ => "the default",
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string StripComment(string value)
    {
        if (value.StartsWith('"') || value.StartsWith('\'')) return value;
        int hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? value[..hash].TrimEnd() : value;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\''))
        {
            int end = value.LastIndexOf(value[0]);
            if (end > 0) return value[1..end];
        }
        return value;
    }
}
