namespace Hypeman.Http;

/// <summary>
/// Receives diagnostics and progress from a call. Implementations must be thread-safe: the
/// HTTP pipeline calls them from thread-pool threads (the PowerShell layer queues them and
/// writes them from the pipeline thread).
/// </summary>
public interface IRequestObserver
{
    void Verbose(string message);
    void Debug(string message);
    void Progress(TransferProgress progress);
}

/// <summary>Progress of a long call, in real units.</summary>
/// <param name="Activity">What is happening, e.g. "Uploading archive data.tar.gz".</param>
/// <param name="Status">A short status line.</param>
/// <param name="Done">Units done (bytes, seconds, items).</param>
/// <param name="Total">Units in all, when known.</param>
/// <param name="Completed">True for the final report.</param>
public sealed record TransferProgress(string Activity, string Status, long Done, long? Total, bool Completed = false)
{
    public int PercentComplete => Total is > 0 ? (int)Math.Clamp(Done * 100 / Total.Value, 0, 100) : -1;
}
