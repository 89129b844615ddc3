using System.Text;
using Hypeman.Emulator.Admin;
using Microsoft.AspNetCore.Http.Features;

namespace Hypeman.Emulator.Http;

/// <summary>
/// The one request path of the emulator, in the real server's order: (log) → latency → injected fault →
/// route (chi 404/405) → authentication → the route's handler, which validates, resolves and acts.
/// </summary>
internal sealed class RequestPipeline(EmulatorRuntime runtime, Router router)
{
    // Bodies larger than this are logged by length only.
    private const int MaxLoggedBody = 64 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        var path = RawPath(http);
        if (path.StartsWith(AdminEndpoints.Prefix, StringComparison.Ordinal))
        {
            await (await AdminEndpoints.HandleAsync(http, runtime)).ExecuteAsync(http);
            return;
        }

        var entry = runtime.Requests.Add(await NewLogEntryAsync(http, path));
        var faulted = false;
        try
        {
            var (result, isFault) = await ProduceAsync(http, path);
            faulted = isFault;
            await result.ExecuteAsync(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            await Console.Error.WriteLineAsync($"emulator: unhandled error on {http.Request.Method} {path}: {e}");
            await ApiResults.InternalError("emulator error: " + e.Message).ExecuteAsync(http);
        }
        finally
        {
            runtime.Requests.Complete(entry, http.Response.StatusCode, faulted, http.RequestAborted.IsCancellationRequested);
        }
    }

    private async Task<(IResult Result, bool Faulted)> ProduceAsync(HttpContext http, string path)
    {
        var aborted = http.RequestAborted;
        if (runtime.Settings.LatencyMs > 0) await Task.Delay(runtime.Settings.LatencyMs, aborted);

        if (runtime.Faults.TryTake(http.Request.Method, path) is { } fault)
        {
            if (fault.DelayMs > 0) await Task.Delay(fault.DelayMs, aborted);
            if (fault.Status is { } status)
            {
                var body = fault.Body is null ? [] : Encoding.UTF8.GetBytes(fault.Body);
                var contentType = fault.ContentType ?? (fault.Body is null ? null : LooksLikeJson(fault.Body) ? "application/json" : "text/plain; charset=utf-8");
                return (ApiResults.Raw(status, contentType, body, fault.Headers), true);
            }
        }

        switch (router.Match(http.Request.Method, path))
        {
            case RouteMatch.WrongMethod wrong:
                return (ApiResults.MethodNotAllowed(wrong.Allowed), false);
            case RouteMatch.Found found:
                if (found.Route.RequiresAuth && runtime.Jwt.Check(http.Request.Headers.Authorization.ToString()) is { } authError)
                    return (ApiResults.Unauthorized(authError), false);
                return (await found.Route.Handler(new ApiRequest(http, found.Values, runtime)), false);
            default:
                return (ApiResults.PageNotFound(), false);
        }
    }

    private async Task<RequestLog.Entry> NewLogEntryAsync(HttpContext http, string path)
    {
        var request = http.Request;
        string? body = null;
        long? length = request.ContentLength;
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            && (request.ContentLength is null or <= MaxLoggedBody))
        {
            // Buffer so the handler can read the body again.
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            body = await reader.ReadToEndAsync(http.RequestAborted);
            request.Body.Position = 0;
            length = Encoding.UTF8.GetByteCount(body);
        }
        return new RequestLog.Entry
        {
            Method = request.Method,
            Path = path,
            Query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            HasAuthorization = request.Headers.ContainsKey("Authorization"),
            ContentType = request.ContentType,
            Body = body,
            BodyLength = length,
            Timestamp = runtime.Time.GetUtcNow(),
        };
    }

    /// <summary>The path as sent, still percent-encoded, so an escaped '/' inside a segment stays inside it.</summary>
    private static string RawPath(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/') return http.Request.Path.Value ?? "/";
        var query = raw.IndexOf('?');
        return query >= 0 ? raw[..query] : raw;
    }

    private static bool LooksLikeJson(string body) => body.TrimStart() is ['{', ..] or ['[', ..];
}
