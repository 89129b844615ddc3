using System.Net;
using System.Net.Sockets;

namespace Hypeman.Http;

/// <summary>
/// Which failures are safe to retry. Only what repeating cannot make worse: a connection
/// that was never established, 429 (the server refused without acting), and for idempotent
/// methods 502/503/504. Never 409, never 500 (that includes not_implemented), never a POST or
/// PATCH that may have reached the server.
/// </summary>
public static class RetryRules
{
    public static bool ShouldRetry(HttpMethod method, HttpResponseMessage? response, Exception? exception)
    {
        if (response is not null)
        {
            var status = (int)response.StatusCode;
            if (status == 429) return true;
            if (status is 502 or 503 or 504) return IsIdempotent(method);
            return false;
        }
        return exception is not null && IsConnectFailure(exception);
    }

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;

    /// <summary>
    /// True when the TCP connection could not be made, so nothing was sent. A connect
    /// timeout is not retried: the caller asked to fail within it.
    /// </summary>
    public static bool IsConnectFailure(Exception exception)
    {
        if (exception is not HttpRequestException http) return false;
        if (http.HttpRequestError is HttpRequestError.NameResolutionError) return true;
        if (http.HttpRequestError is not HttpRequestError.ConnectionError) return false;
        return http.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.TryAgain };
    }

    internal static string Describe(HttpResponseMessage? response, Exception? exception) =>
        response is not null ? $"{(int)response.StatusCode} {response.ReasonPhrase ?? ((HttpStatusCode)response.StatusCode).ToString()}"
        : exception?.Message ?? "unknown failure";
}
