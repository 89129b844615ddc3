using System.Globalization;
using System.Security.Cryptography;

namespace Hypeman.Emulator;

/// <summary>Start-up options of the emulator (command line, or set directly when hosting it in-process).</summary>
public sealed record EmulatorOptions
{
    public static readonly IReadOnlyList<string> DefaultImages =
        ["docker.io/library/alpine:latest", "docker.io/library/nginx:latest", "docker.io/library/busybox:latest"];

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>HS256 secret that bearer tokens must be signed with.</summary>
    public string JwtSecret { get; init; } = GenerateSecret();

    public JwtSecretSource JwtSecretSource { get; init; } = JwtSecretSource.Generated;

    /// <summary>"none", "demo", or the path of a JSON seed file.</summary>
    public string Seed { get; init; } = "none";

    public int LatencyMs { get; init; }

    public VolumeOpsMode VolumeOps { get; init; } = VolumeOpsMode.Spec;

    public int BootDelayMs { get; init; }

    public ApiVersion ApiVersion { get; init; } = ApiVersion.V030;

    /// <summary>Images that exist (ready) at start and after every reset.</summary>
    public IReadOnlyList<string> Images { get; init; } = DefaultImages;

    /// <summary>How long POST /images takes to go from pending to ready.</summary>
    public int ImagePullDelayMs { get; init; } = 1000;

    private static readonly HashSet<string> KnownOptions =
    [
        "--port", "--jwt-secret", "--seed", "--latency", "--volume-ops", "--boot-delay", "--api-version", "--images", "--image-pull-delay",
    ];

    public static string GenerateSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public const string HelpText = """
        Hypeman emulator: an in-memory Hypeman server (REST API 0.3.0 or 0.2.0) for tests and demos.
        Listens on 127.0.0.1 only. First stdout line: "Hypeman emulator listening on http://127.0.0.1:<port>".

        Usage: Hypeman.Emulator [options]

        Options:
          --port <n>                 TCP port on 127.0.0.1 (default 0 = pick a free port)
          --jwt-secret <s>           HS256 secret for bearer tokens (default: env JWT_SECRET; if neither,
                                     a random secret is generated and printed with a 24 h token)
          --seed demo|none|<file>    Initial data (default none). demo: instances web-1 (Running),
                                     web-2 (Stopped), api (Running), worker (Standby); volumes logs, data,
                                     scratch; some attached, all tagged.
          --latency <ms>             Delay added before every API response (default 0)
          --volume-ops spec|not-implemented
                                     Attach/detach on existing instances: the spec's contract (default),
                                     or 500 not_implemented as today's real server answers
          --boot-delay <ms>          New, started and restored instances report Initializing for this long
                                     before Running (default 0)
          --api-version 0.3.0|0.2.0  Server version to imitate (default 0.3.0)
          --images <ref,...>         Images that exist and are ready (default alpine, nginx, busybox from
                                     docker.io/library, all :latest); names are normalised
          --image-pull-delay <ms>    Time POST /images takes to become ready (default 1000)
          -h, --help                 Show this help

        Seed file (JSON), every section optional:
          {
            "images":    ["redis:7"],
            "volumes":   [{"name": "data", "size_gb": 10, "id": "vol-data", "tags": {"env": "dev"}}],
            "instances": [{"name": "web", "image": "nginx", "state": "Running|Stopped|Standby",
                           "id": "...", "vcpus": 2, "size": "1GB", "network_enabled": true,
                           "env": {"K": "V"}, "tags": {"app": "web"},
                           "volumes": [{"volume": "<volume id or name>", "mount_path": "/data",
                                        "readonly": false}]}]
          }

        Admin endpoints (no authentication; not logged, not delayed, not faulted):
          POST   /_emulator/reset      clear all state, faults, the request log and run-time settings;
                                       re-apply the seed
          GET    /_emulator/requests   requests since the last reset: [{method, path, query,
                                       has_authorization, content_type, body, body_length, status,
                                       faulted, aborted, timestamp}]
          DELETE /_emulator/requests   clear the request log
          POST   /_emulator/faults     queue a fault (object or array): {"method": "GET",
                                       "path": "/instances" (trailing * = prefix), "status": 503,
                                       "count": 1, "headers": {"Retry-After": "0"}, "body": "...",
                                       "content_type": "application/json", "delay_ms": 0};
                                       delay_ms without status = hang, then answer normally
          GET    /_emulator/faults     faults still queued
          DELETE /_emulator/faults     clear queued faults
          GET    /_emulator/settings   current run-time settings
          POST   /_emulator/settings   change them: {"volume_ops": "spec|not-implemented",
                                       "boot_delay_ms": 500, "latency_ms": 0, "image_pull_delay_ms": 1000}
        """;

    /// <summary>Parses command-line arguments; environment lookups go through <paramref name="getEnvironment"/>.</summary>
    public static OptionsParseResult Parse(IReadOnlyList<string> args, Func<string, string?>? getEnvironment = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        var options = new EmulatorOptions();
        string? secret = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?") return OptionsParseResult.Help();

            // Accept both "--name value" and "--name=value".
            if (!arg.StartsWith("--", StringComparison.Ordinal)) return OptionsParseResult.Fail($"unexpected argument '{arg}'");
            var equals = arg.IndexOf('=');
            var name = equals > 0 ? arg[..equals] : arg;
            if (!KnownOptions.Contains(name)) return OptionsParseResult.Fail($"unknown option '{name}' (see --help)");
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else
            {
                if (i + 1 >= args.Count) return OptionsParseResult.Fail($"option {arg} needs a value");
                value = args[++i];
            }

            switch (name)
            {
                case "--port":
                    if (!TryInt(value, 0, 65535, out var port)) return OptionsParseResult.Fail("--port must be 0-65535");
                    options = options with { Port = port };
                    break;
                case "--jwt-secret":
                    if (value.Length == 0) return OptionsParseResult.Fail("--jwt-secret must not be empty");
                    secret = value;
                    break;
                case "--seed":
                    if (value is not ("demo" or "none") && !File.Exists(value))
                        return OptionsParseResult.Fail($"--seed: no such file '{value}' (use demo, none or a JSON file)");
                    options = options with { Seed = value };
                    break;
                case "--latency":
                    if (!TryInt(value, 0, int.MaxValue, out var latency)) return OptionsParseResult.Fail("--latency must be a number of milliseconds");
                    options = options with { LatencyMs = latency };
                    break;
                case "--volume-ops":
                    if (!TryParseVolumeOps(value, out var mode)) return OptionsParseResult.Fail("--volume-ops must be spec or not-implemented");
                    options = options with { VolumeOps = mode };
                    break;
                case "--boot-delay":
                    if (!TryInt(value, 0, int.MaxValue, out var boot)) return OptionsParseResult.Fail("--boot-delay must be a number of milliseconds");
                    options = options with { BootDelayMs = boot };
                    break;
                case "--api-version":
                    ApiVersion? version = value switch { "0.3.0" => ApiVersion.V030, "0.2.0" => ApiVersion.V020, _ => null };
                    if (version is null) return OptionsParseResult.Fail("--api-version must be 0.3.0 or 0.2.0");
                    options = options with { ApiVersion = version.Value };
                    break;
                case "--images":
                    var images = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    foreach (var image in images)
                    {
                        if (!Formats.ImageReference.TryParse(image, out _, out var error))
                            return OptionsParseResult.Fail($"--images: '{image}': {error}");
                    }
                    options = options with { Images = images };
                    break;
                case "--image-pull-delay":
                    if (!TryInt(value, 0, int.MaxValue, out var pull)) return OptionsParseResult.Fail("--image-pull-delay must be a number of milliseconds");
                    options = options with { ImagePullDelayMs = pull };
                    break;
                default:
                    return OptionsParseResult.Fail($"unknown option '{name}' (see --help)");
            }
        }

        if (secret is not null) return OptionsParseResult.Ok(options with { JwtSecret = secret, JwtSecretSource = JwtSecretSource.Option });
        var fromEnvironment = getEnvironment("JWT_SECRET");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return OptionsParseResult.Ok(options with { JwtSecret = fromEnvironment, JwtSecretSource = JwtSecretSource.Environment });
        return OptionsParseResult.Ok(options);
    }

    internal static bool TryParseVolumeOps(string value, out VolumeOpsMode mode)
    {
        mode = value == "not-implemented" ? VolumeOpsMode.NotImplemented : VolumeOpsMode.Spec;
        return value is "spec" or "not-implemented";
    }

    private static bool TryInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
}

/// <summary>The outcome of <see cref="EmulatorOptions.Parse"/>: options, a request for help, or an error.</summary>
public sealed record OptionsParseResult(EmulatorOptions? Options, bool ShowHelp, string? Error)
{
    public static OptionsParseResult Ok(EmulatorOptions options) => new(options, false, null);
    public static OptionsParseResult Help() => new(null, true, null);
    public static OptionsParseResult Fail(string error) => new(null, false, error);
}
