using System.Globalization;
using System.Management.Automation;
using System.Text;

namespace Hypeman.PowerShell;

/// <summary>
/// Turns client exceptions into ErrorRecords: a stable error ID (from the server's code, e.g.
/// invalid_state → InvalidState), a category that follows the HTTP status, the user's identifier
/// as TargetObject, and the server's message as ErrorDetails.
/// </summary>
internal static class HypemanErrors
{
    public static ErrorRecord FromException(Exception exception, object? target, ErrorCategory? category = null, string? errorId = null)
    {
        var record = new ErrorRecord(exception, errorId ?? IdOf(exception), category ?? CategoryOf(exception), target);
        if (exception is HypemanApiException api)
        {
            record.ErrorDetails = new ErrorDetails(Describe(api)) { RecommendedAction = RecommendedAction(api) };
        }
        else if (exception is HypemanConnectionException)
        {
            record.ErrorDetails = new ErrorDetails(exception.Message)
            {
                RecommendedAction = "Check that the server is running and the base URL is right (Get-HypemanConnection), then Connect-Hypeman.",
            };
        }
        return record;
    }

    /// <summary>An error the module raises itself (bad input, not attached, ...).</summary>
    public static ErrorRecord Create(string errorId, ErrorCategory category, object? target, string message, string? recommendedAction = null)
    {
        Exception exception = category switch
        {
            ErrorCategory.ObjectNotFound => new ItemNotFoundException(message),
            ErrorCategory.InvalidArgument => new ArgumentException(message),
            ErrorCategory.NotImplemented => new NotSupportedException(message),
            _ => new InvalidOperationException(message),
        };
        var record = new ErrorRecord(exception, errorId, category, target);
        if (recommendedAction is not null) record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
        return record;
    }

    /// <summary>True for failures after which no later pipeline item can succeed either.</summary>
    public static bool IsFatal(Exception exception) =>
        exception is HypemanConnectionException || exception is HypemanApiException { StatusCode: 401 };

    public static string IdOf(Exception exception) => exception switch
    {
        HypemanApiException { ErrorCode: { Length: > 0 } code } => PascalCase(code),
        HypemanApiException api => "Http" + api.StatusCode.ToString(CultureInfo.InvariantCulture),
        HypemanConnectionException => "ConnectionFailed",
        HypemanTimeoutException => "Timeout",
        HypemanProtocolException => "InvalidResponse",
        _ => "HypemanError",
    };

    public static ErrorCategory CategoryOf(Exception exception) => exception switch
    {
        HypemanApiException api => CategoryOf(api.StatusCode, api.ErrorCode),
        HypemanConnectionException => ErrorCategory.ConnectionError,
        HypemanTimeoutException => ErrorCategory.OperationTimeout,
        HypemanProtocolException => ErrorCategory.InvalidResult,
        _ => ErrorCategory.NotSpecified,
    };

    public static ErrorCategory CategoryOf(int status, string? code)
    {
        if (code == "not_implemented" || status is 501 or 405) return ErrorCategory.NotImplemented;
        return status switch
        {
            400 or 422 => ErrorCategory.InvalidArgument,
            401 => ErrorCategory.AuthenticationError,
            403 => ErrorCategory.PermissionDenied,
            404 => ErrorCategory.ObjectNotFound,
            409 => code switch
            {
                "invalid_state" => ErrorCategory.InvalidOperation,
                "ambiguous" => ErrorCategory.InvalidArgument,
                "already_exists" or "name_conflict" => ErrorCategory.ResourceExists,
                "conflict" or "in_use" => ErrorCategory.ResourceBusy,
                _ => ErrorCategory.InvalidOperation,
            },
            408 or 504 => ErrorCategory.OperationTimeout,
            429 => ErrorCategory.LimitsExceeded,
            503 => ErrorCategory.ResourceUnavailable,
            _ => ErrorCategory.InvalidResult,
        };
    }

    private static string Describe(HypemanApiException api)
    {
        var text = new StringBuilder(api.ServerMessage);
        text.Append(" (HTTP ").Append(api.StatusCode.ToString(CultureInfo.InvariantCulture));
        if (api.ErrorCode is not null) text.Append(", ").Append(api.ErrorCode);
        text.Append(')');
        return text.ToString();
    }

    private static string? RecommendedAction(HypemanApiException api) => api.ErrorCode switch
    {
        "invalid_state" => "Check the instance's State with Get-HypemanInstance; Wait-HypemanInstance waits for a state.",
        "ambiguous" => "Several resources match: use the full ID (Get-HypemanInstance or Get-HypemanVolume shows it).",
        "Unauthorized" => "Connect again with a valid API key: Connect-Hypeman -ApiKey (New-HypemanToken makes one from the server's JWT secret).",
        "not_implemented" => "This server cannot do this yet.",
        _ => null,
    };

    /// <summary>invalid_state → InvalidState, "Bad Request" → BadRequest.</summary>
    internal static string PascalCase(string code)
    {
        var text = new StringBuilder(code.Length);
        bool upper = true;
        foreach (var c in code)
        {
            if (!char.IsLetterOrDigit(c)) { upper = true; continue; }
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return text.Length == 0 ? "HypemanError" : text.ToString();
    }
}
