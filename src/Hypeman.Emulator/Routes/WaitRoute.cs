using System.Text.Json.Nodes;
using Hypeman.Emulator.Formats;
using Hypeman.Emulator.Http;
using Hypeman.Emulator.State;
using Hypeman.Emulator.Validation;

namespace Hypeman.Emulator.Routes;

/// <summary>
/// GET /instances/{id}/wait?state=&amp;timeout= (0.3.0): returns as soon as the state is reached, when
/// the instance is in a state it will not leave by itself (Unknown, Stopped, Standby), or at the timeout.
/// </summary>
internal static class WaitRoute
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static void Register(Router router) => router.Add("GET", "/instances/{id}/wait", WaitAsync);

    private static async Task<IResult> WaitAsync(ApiRequest request)
    {
        var query = request.Http.Request;
        var (target, stateError) = QueryParameters.String(query, "state", new StringSchema { Enum = Schemas.InstanceStatesV030 }, required: true);
        if (stateError is not null) return stateError;
        var (timeoutText, timeoutError) = QueryParameters.String(query, "timeout");
        if (timeoutError is not null) return timeoutError;

        var first = request.Store.Run(state => state.ResolveInstance(request.Route("id")));
        if (first.Error is { } resolveError) return resolveError.ToResult();
        var id = first.Value!.Id;

        if (target == InstanceStates.Unknown) return ApiResults.Error(400, "invalid_state", $"invalid target state: {target}");
        var timeout = DefaultTimeout;
        if (!string.IsNullOrEmpty(timeoutText))
        {
            if (!GoDuration.TryParse(timeoutText, out timeout, out var reason))
                return ApiResults.Error(400, "invalid_timeout", $"invalid timeout format: {reason}");
            if (timeout <= TimeSpan.Zero) return ApiResults.Error(400, "invalid_timeout", "timeout must be positive");
            if (timeout > MaxTimeout) timeout = MaxTimeout;
        }

        var deadline = request.Runtime.Time.GetUtcNow() + timeout;
        while (true)
        {
            var current = request.Store.Run(state => state.Instances.GetValueOrDefault(id) is { } i ? (i.State, i.StateError) : ((string, string?)?)null);
            if (current is null) return ApiResults.Error(404, "not_found", "instance was deleted while waiting");
            var (now, error) = current.Value;
            var reached = now == target;
            if (reached || IsTerminal(now, target!)) return Answer(now, error, timedOut: false);
            if (request.Runtime.Time.GetUtcNow() >= deadline) return Answer(now, error, timedOut: true);
            // Cancelled when the client disconnects, which ends the wait at once.
            await Task.Delay(PollInterval, request.Aborted);
        }
    }

    /// <summary>States the instance will not leave without a user action, so waiting longer is pointless.</summary>
    private static bool IsTerminal(string current, string target) =>
        current == InstanceStates.Unknown
        || (current == InstanceStates.Stopped && target != InstanceStates.Stopped)
        || (current == InstanceStates.Standby && target != InstanceStates.Standby);

    private static IResult Answer(string state, string? stateError, bool timedOut) =>
        ApiResults.Json(200, new JsonObject { ["state"] = state, ["state_error"] = stateError, ["timed_out"] = timedOut });
}
