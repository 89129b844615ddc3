using System.Diagnostics;
using System.Text;

namespace Hypeman.Http;

/// <summary>
/// Reports each attempt to the call's observer: a verbose line per request and response, and
/// debug lines with headers. Authorization values are always redacted; bodies are never logged
/// (instance environments can hold secrets).
/// </summary>
public sealed class LoggingHandler : DelegatingHandler
{
    internal const string Redacted = "[redacted]";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var observer = RequestContext.Of(request)?.Observer;
        if (observer is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        observer.Verbose($"{request.Method} {request.RequestUri}");
        observer.Debug(DescribeRequest(request));
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            observer.Verbose($"{(int)response.StatusCode} {response.ReasonPhrase} from {request.Method} {request.RequestUri} in {clock.ElapsedMilliseconds} ms");
            observer.Debug(DescribeResponse(response));
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            observer.Verbose($"{request.Method} {request.RequestUri} failed after {clock.ElapsedMilliseconds} ms: {ex.Message}");
            throw;
        }
    }

    internal static string DescribeRequest(HttpRequestMessage request)
    {
        var text = new StringBuilder();
        text.Append("HTTP request ").Append(request.Method).Append(' ').Append(request.RequestUri);
        foreach (var header in request.Headers) AppendHeader(text, header.Key, header.Value);
        if (request.Content is not null)
            foreach (var header in request.Content.Headers) AppendHeader(text, header.Key, header.Value);
        return text.ToString();
    }

    internal static string DescribeResponse(HttpResponseMessage response)
    {
        var text = new StringBuilder();
        text.Append("HTTP response ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase);
        foreach (var header in response.Headers) AppendHeader(text, header.Key, header.Value);
        foreach (var header in response.Content.Headers) AppendHeader(text, header.Key, header.Value);
        return text.ToString();
    }

    private static void AppendHeader(StringBuilder text, string name, IEnumerable<string> values)
    {
        text.Append("\n  ").Append(name).Append(": ");
        if (IsSecret(name))
        {
            // Keep the scheme so the reader can tell a bearer token was sent, never the token.
            var first = values.FirstOrDefault() ?? "";
            int space = first.IndexOf(' ');
            text.Append(space > 0 ? first[..space] + " " + Redacted : Redacted);
        }
        else
        {
            text.AppendJoin(", ", values);
        }
    }

    private static bool IsSecret(string headerName) =>
        headerName.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);
}
