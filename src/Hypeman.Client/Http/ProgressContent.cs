using System.Diagnostics;
using System.Net;

namespace Hypeman.Http;

/// <summary>
/// Streams a request body from a stream, reporting bytes sent (at most about five times a second,
/// plus a final report). A seekable source is rewound before each send so that a permitted retry
/// sends the whole body again.
/// </summary>
internal sealed class ProgressContent : HttpContent
{
    private static readonly long ReportIntervalTicks = Stopwatch.Frequency / 5;
    private readonly Stream _source;
    private readonly long _start;
    private readonly long? _length;
    private readonly string _activity;
    private readonly IRequestObserver? _observer;

    public ProgressContent(Stream source, string activity, IRequestObserver? observer)
    {
        _source = source;
        _start = source.CanSeek ? source.Position : 0;
        _length = source.CanSeek ? source.Length - _start : null;
        _activity = activity;
        _observer = observer;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_source.CanSeek) _source.Position = _start;
        var buffer = new byte[81920];
        long sent = 0;
        long lastReport = 0;
        int read;
        while ((read = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            sent += read;
            long now = Stopwatch.GetTimestamp();
            if (_observer is not null && now - lastReport >= ReportIntervalTicks)
            {
                lastReport = now;
                _observer.Progress(new TransferProgress(_activity, Describe(sent), sent, _length));
            }
        }
        _observer?.Progress(new TransferProgress(_activity, Describe(sent), sent, _length, Completed: true));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length.HasValue;
    }

    private string Describe(long sent) =>
        _length is { } total ? $"{FormatBytes(sent)} of {FormatBytes(total)} sent" : $"{FormatBytes(sent)} sent";

    internal static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.0} KiB",
        _ => $"{bytes} B",
    };
}
