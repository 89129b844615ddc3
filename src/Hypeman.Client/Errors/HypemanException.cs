namespace Hypeman;

/// <summary>Base of every error this client raises about a call to the server.</summary>
public abstract class HypemanException : Exception
{
    protected HypemanException(string message, string? method, Uri? requestUri, Exception? inner = null)
        : base(message, inner)
    {
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>The HTTP method of the failed call.</summary>
    public string? Method { get; }

    /// <summary>The URL of the failed call.</summary>
    public Uri? RequestUri { get; }
}

/// <summary>The server answered with an error status.</summary>
public sealed class HypemanApiException : HypemanException
{
    public HypemanApiException(int statusCode, string? errorCode, string serverMessage, string? method, Uri? requestUri,
        string? responseBody = null, string? reasonPhrase = null)
        : base(serverMessage, method, requestUri)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        ResponseBody = responseBody;
        ReasonPhrase = reasonPhrase;
    }

    /// <summary>The HTTP status code, e.g. 409.</summary>
    public int StatusCode { get; }

    /// <summary>The server's machine-readable <c>code</c> (e.g. "invalid_state"), or null when the body had none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's message, or the raw body when it was not a JSON error.</summary>
    public string ServerMessage { get; }

    /// <summary>The response body as received (truncated to a few KB).</summary>
    public string? ResponseBody { get; }

    /// <summary>The HTTP reason phrase, e.g. "Conflict".</summary>
    public string? ReasonPhrase { get; }

    /// <summary>True for the real server's answer to volume attach/detach: 500 with code not_implemented.</summary>
    public bool IsNotImplemented => ErrorCode == "not_implemented" || StatusCode == 501;
}

/// <summary>The server could not be reached (DNS, refused, reset, TLS, or the connect timeout).</summary>
public sealed class HypemanConnectionException : HypemanException
{
    public HypemanConnectionException(string message, string? method, Uri? requestUri, Exception? inner = null)
        : base(message, method, requestUri, inner) { }
}

/// <summary>A call did not finish within its time limit.</summary>
public sealed class HypemanTimeoutException : HypemanException
{
    public HypemanTimeoutException(string message, string? method, Uri? requestUri, TimeSpan timeout)
        : base(message, method, requestUri, new TimeoutException(message))
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}

/// <summary>The server answered with success but a body this client cannot read.</summary>
public sealed class HypemanProtocolException : HypemanException
{
    public HypemanProtocolException(string message, string? method, Uri? requestUri, Exception? inner = null)
        : base(message, method, requestUri, inner) { }
}
