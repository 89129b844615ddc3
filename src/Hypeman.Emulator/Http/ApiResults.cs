using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hypeman.Emulator.Http;

/// <summary>Every response the emulator writes: JSON bodies, the Error shape, and chi's plain-text answers.</summary>
internal static class ApiResults
{
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON body; like Go's json.Encoder it ends with a newline.</summary>
    public static IResult Json(int status, JsonNode? body) =>
        new RawResult(status, "application/json", Encoding.UTF8.GetBytes((body?.ToJsonString(WriteOptions) ?? "null") + "\n"));

    /// <summary>The spec's Error shape: {"code","message"}.</summary>
    public static IResult Error(int status, string code, string message) =>
        Json(status, new JsonObject { ["code"] = code, ["message"] = message });

    public static IResult NoContent() => new RawResult(204, null, []);

    /// <summary>The resolver's 404, the same text for every resource type.</summary>
    public static IResult ResourceNotFound() => Error(404, "not_found", "resource not found");

    public static IResult Ambiguous() => Error(409, "ambiguous", "multiple resources match, use full ID");

    /// <summary>An OpenAPI validation failure (the validator uses the HTTP status text as the code).</summary>
    public static IResult ValidationFailed(string message) => Error(400, "Bad Request", message);

    public static IResult Unauthorized(string reason) => Error(401, "Unauthorized", "security requirements failed: " + reason);

    public static IResult InternalError(string message) => Error(500, "internal_error", message);

    /// <summary>chi's default 404 for a path no route matches (Go's http.NotFound).</summary>
    public static IResult PageNotFound() =>
        new RawResult(404, "text/plain; charset=utf-8", "404 page not found\n"u8.ToArray(),
            new Dictionary<string, string> { ["X-Content-Type-Options"] = "nosniff" });

    /// <summary>chi's 405 for a known path with another method: no body.</summary>
    public static IResult MethodNotAllowed(IEnumerable<string> allowed) =>
        new RawResult(405, null, [], new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) });

    public static IResult Raw(int status, string? contentType, byte[] body, IReadOnlyDictionary<string, string>? headers = null) =>
        new RawResult(status, contentType, body, headers);

    private sealed class RawResult(int status, string? contentType, byte[] body, IReadOnlyDictionary<string, string>? headers = null) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            if (contentType is not null) response.ContentType = contentType;
            if (headers is not null)
            {
                foreach (var (name, value) in headers) response.Headers[name] = value;
            }
            if (body.Length > 0)
            {
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }
}

/// <summary>Turns a state-layer error into its HTTP response.</summary>
internal static class ApiErrorResults
{
    public static IResult ToResult(this State.ApiError error) => ApiResults.Error(error.Status, error.Code, error.Message);
}
