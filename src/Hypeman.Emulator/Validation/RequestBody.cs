using System.Net.Http.Headers;
using System.Text.Json;
using Hypeman.Emulator.Http;

namespace Hypeman.Emulator.Validation;

/// <summary>
/// Reads a JSON request body and checks it like the server's OpenAPI validator: required body,
/// Content-Type, decodable JSON, then the schema. Failures are 400 "Bad Request" with kin-openapi's wording.
/// </summary>
internal static class RequestBody
{
    public sealed record Outcome(JsonElement? Body, IResult? Error);

    public static async Task<Outcome> ReadJsonAsync(HttpContext http, ObjectSchema schema, string schemaName, bool required)
    {
        var bytes = await ReadAllAsync(http);
        if (bytes.Length == 0)
        {
            return required
                ? new Outcome(null, ApiResults.ValidationFailed("request body has an error: value is required but missing"))
                : new Outcome(null, null);
        }
        if (!IsMediaType(http.Request.ContentType, "application/json"))
            return new Outcome(null, UnexpectedContentType(http.Request.ContentType));

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new Outcome(null, ApiResults.ValidationFailed("request body has an error: failed to decode request body: " + e.Message));
        }

        if (schema.Validate(body) is { } error)
        {
            return new Outcome(null, ApiResults.ValidationFailed(
                $"request body has an error: doesn't match schema #/components/schemas/{schemaName}: {error}"));
        }
        return new Outcome(body, null);
    }

    public static IResult UnexpectedContentType(string? contentType) =>
        ApiResults.ValidationFailed($"request body has an error: header Content-Type has unexpected value \"{MediaType(contentType)}\"");

    public static bool IsMediaType(string? contentType, string expected) =>
        string.Equals(MediaType(contentType), expected, StringComparison.OrdinalIgnoreCase);

    private static string MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType ?? "" : contentType ?? "";

    private static async Task<byte[]> ReadAllAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }
}
