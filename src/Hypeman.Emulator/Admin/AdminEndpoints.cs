using System.Text.Json;
using System.Text.Json.Nodes;
using Hypeman.Emulator.Http;

namespace Hypeman.Emulator.Admin;

/// <summary>
/// The test-control API under /_emulator/ (no authentication). These requests are not logged,
/// delayed or faulted, so tests can inspect and steer the emulator without disturbing what they measure.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/_emulator/";

    public static async Task<IResult> HandleAsync(HttpContext http, EmulatorRuntime runtime)
    {
        var path = http.Request.Path.Value ?? "";
        var method = http.Request.Method;
        switch (path)
        {
            case "/_emulator/reset" when method == "POST":
                runtime.Reset();
                return ApiResults.NoContent();
            case "/_emulator/requests" when method == "GET":
                return ApiResults.Json(200, runtime.Requests.ToJson());
            case "/_emulator/requests" when method == "DELETE":
                runtime.Requests.Clear();
                return ApiResults.NoContent();
            case "/_emulator/faults" when method == "GET":
                return ApiResults.Json(200, runtime.Faults.ToJson());
            case "/_emulator/faults" when method == "POST":
                return await AddFaultsAsync(http, runtime);
            case "/_emulator/faults" when method == "DELETE":
                runtime.Faults.Clear();
                return ApiResults.NoContent();
            case "/_emulator/settings" when method == "GET":
                return ApiResults.Json(200, SettingsJson(runtime));
            case "/_emulator/settings" when method == "POST":
                return await ChangeSettingsAsync(http, runtime);
            case "/_emulator/reset" or "/_emulator/requests" or "/_emulator/faults" or "/_emulator/settings":
                return ApiResults.MethodNotAllowed([]);
            default:
                return ApiResults.PageNotFound();
        }
    }

    private static async Task<IResult> AddFaultsAsync(HttpContext http, EmulatorRuntime runtime)
    {
        var (json, error) = await ReadJsonAsync(http);
        if (error is not null) return error;
        var items = json!.Value.ValueKind == JsonValueKind.Array ? json.Value.EnumerateArray().ToList() : [json.Value];
        var faults = new List<Fault>();
        foreach (var item in items)
        {
            var (fault, problem) = Fault.Parse(item);
            if (problem is not null) return ApiResults.Error(400, "invalid_fault", problem);
            faults.Add(fault!);
        }
        faults.ForEach(runtime.Faults.Add);
        return ApiResults.Json(201, runtime.Faults.ToJson());
    }

    private static async Task<IResult> ChangeSettingsAsync(HttpContext http, EmulatorRuntime runtime)
    {
        var (json, error) = await ReadJsonAsync(http);
        if (error is not null) return error;
        var body = json!.Value;
        if (body.ValueKind != JsonValueKind.Object) return ApiResults.Error(400, "invalid_settings", "settings must be a JSON object");

        // Check everything before changing anything, so a bad request changes nothing.
        VolumeOpsMode? volumeOps = null;
        if (body.TryGetProperty("volume_ops", out var ops))
        {
            if (ops.ValueKind != JsonValueKind.String || !EmulatorOptions.TryParseVolumeOps(ops.GetString()!, out var mode))
                return ApiResults.Error(400, "invalid_settings", "volume_ops must be \"spec\" or \"not-implemented\"");
            volumeOps = mode;
        }
        var numbers = new Dictionary<string, int>();
        foreach (var name in new[] { "boot_delay_ms", "latency_ms", "image_pull_delay_ms" })
        {
            if (!body.TryGetProperty(name, out var value)) continue;
            if (!value.TryGetInt32(out var ms) || ms < 0) return ApiResults.Error(400, "invalid_settings", $"{name} must be a number >= 0");
            numbers[name] = ms;
        }

        if (volumeOps is { } newMode) runtime.Settings.VolumeOps = newMode;
        if (numbers.TryGetValue("boot_delay_ms", out var boot)) runtime.Settings.BootDelayMs = boot;
        if (numbers.TryGetValue("latency_ms", out var latency)) runtime.Settings.LatencyMs = latency;
        if (numbers.TryGetValue("image_pull_delay_ms", out var pull)) runtime.Settings.ImagePullDelayMs = pull;
        return ApiResults.Json(200, SettingsJson(runtime));
    }

    private static JsonObject SettingsJson(EmulatorRuntime runtime) => new()
    {
        ["api_version"] = runtime.Options.ApiVersion == ApiVersion.V020 ? "0.2.0" : "0.3.0",
        ["volume_ops"] = runtime.Settings.VolumeOps == VolumeOpsMode.NotImplemented ? "not-implemented" : "spec",
        ["boot_delay_ms"] = runtime.Settings.BootDelayMs,
        ["latency_ms"] = runtime.Settings.LatencyMs,
        ["image_pull_delay_ms"] = runtime.Settings.ImagePullDelayMs,
    };

    private static async Task<(JsonElement? Json, IResult? Error)> ReadJsonAsync(HttpContext http)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (null, ApiResults.Error(400, "invalid_json", e.Message));
        }
    }
}
