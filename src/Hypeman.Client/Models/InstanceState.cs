namespace Hypeman;

/// <summary>
/// The instance states this client knows (schema <c>InstanceState</c>). The server sends states
/// as strings and may add new ones (0.3.0 added Initializing), so models keep them as strings.
/// </summary>
public static class InstanceState
{
    public const string Created = "Created";
    public const string Initializing = "Initializing";
    public const string Running = "Running";
    public const string Paused = "Paused";
    public const string Shutdown = "Shutdown";
    public const string Stopped = "Stopped";
    public const string Standby = "Standby";
    public const string Unknown = "Unknown";

    /// <summary>Every known state, in lifecycle order.</summary>
    public static readonly IReadOnlyList<string> All =
        [Created, Initializing, Running, Paused, Shutdown, Stopped, Standby, Unknown];
}
