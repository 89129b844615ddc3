namespace Hypeman.Emulator.State;

/// <summary>A failed operation, as the server reports it: status plus the Error body's code and message.</summary>
internal sealed record ApiError(int Status, string Code, string Message)
{
    public static readonly ApiError NotFound = new(404, "not_found", "resource not found");
    public static readonly ApiError Ambiguous = new(409, "ambiguous", "multiple resources match, use full ID");

    public static ApiError Internal(string message) => new(500, "internal_error", message);

    public static ApiError InvalidState(string message) => new(409, "invalid_state", "invalid state transition: " + message);

    public static ApiError Conflict(string message) => new(409, "conflict", message);
}
