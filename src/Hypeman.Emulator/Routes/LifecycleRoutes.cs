using System.Text.Json;
using Hypeman.Emulator.Formats;
using Hypeman.Emulator.Http;
using Hypeman.Emulator.Json;
using Hypeman.Emulator.State;
using Hypeman.Emulator.Validation;

namespace Hypeman.Emulator.Routes;

/// <summary>POST /instances/{id}/stop|start|standby|restore.</summary>
internal static class LifecycleRoutes
{
    public static void Register(Router router)
    {
        router.Add("POST", "/instances/{id}/stop", request =>
            Task.FromResult(InstanceRoutes.WithInstance(request, (state, i) => InstanceRoutes.Change(state, i, () => InstanceLifecycle.Stop(state, i)))));
        router.Add("POST", "/instances/{id}/restore", request =>
            Task.FromResult(InstanceRoutes.WithInstance(request, (state, i) => InstanceRoutes.Change(state, i, () => InstanceLifecycle.Restore(state, i)))));
        router.Add("POST", "/instances/{id}/start", Start);
        router.Add("POST", "/instances/{id}/standby", Standby);
    }

    private static async Task<IResult> Start(ApiRequest request)
    {
        IReadOnlyList<string>? entrypoint = null, cmd = null;
        if (!request.IsV020) // 0.3.0 requires a JSON body ({} is enough); 0.2.0 takes none
        {
            var body = await RequestBody.ReadJsonAsync(request.Http, Schemas.StartInstance, "StartInstanceRequest", required: true);
            if (body.Error is not null) return body.Error;
            entrypoint = JsonRead.StringList(body.Body!.Value, "entrypoint");
            cmd = JsonRead.StringList(body.Body!.Value, "cmd");
        }
        return InstanceRoutes.WithInstance(request, (state, i) =>
            InstanceRoutes.Change(state, i, () => InstanceLifecycle.Start(state, i, entrypoint, cmd)));
    }

    private static async Task<IResult> Standby(ApiRequest request)
    {
        ApiError? optionsError = null;
        if (!request.IsV020) // the body is optional; when sent it must be valid
        {
            var body = await RequestBody.ReadJsonAsync(request.Http, Schemas.StandbyInstance, "StandbyInstanceRequest", required: false);
            if (body.Error is not null) return body.Error;
            if (body.Body is { } options) optionsError = CheckStandbyOptions(options);
        }
        return InstanceRoutes.WithInstance(request, (state, i) =>
            optionsError is not null ? optionsError.ToResult() : InstanceRoutes.Change(state, i, () => InstanceLifecycle.Standby(state, i)));
    }

    /// <summary>The handler's own checks of StandbyInstanceRequest (after the schema).</summary>
    private static ApiError? CheckStandbyOptions(JsonElement options)
    {
        if (options.TryGetProperty("compression", out var compression) && compression.TryGetProperty("level", out var levelJson))
        {
            var algorithm = compression.TryGetProperty("algorithm", out var a) ? a.GetString() : "zstd";
            var level = levelJson.GetInt32();
            var (min, max) = algorithm == "lz4" ? (0, 9) : (1, 19);
            if (level < min || level > max)
                return new ApiError(400, "invalid_snapshot_compression", $"level must be between {min} and {max} for {algorithm}, got {level}");
        }
        if (options.TryGetProperty("compression_delay", out var delay))
        {
            if (!GoDuration.TryParse(delay.GetString()!, out var parsed, out var reason))
                return new ApiError(400, "invalid_compression_delay", $"compression_delay must be a valid duration: {reason}");
            if (parsed < TimeSpan.Zero)
                return new ApiError(400, "invalid_compression_delay", "compression_delay cannot be negative");
        }
        return null;
    }
}
