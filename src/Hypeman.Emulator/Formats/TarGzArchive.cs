using System.Formats.Tar;
using System.IO.Compression;

namespace Hypeman.Emulator.Formats;

/// <summary>Why an archive was refused.</summary>
internal sealed class ArchiveException(string message, bool tooLarge) : Exception(message)
{
    /// <summary>True for "content exceeds size limit" (a 400); false for a broken or unsafe archive (a 500).</summary>
    public bool TooLarge { get; } = tooLarge;
}

/// <summary>
/// Reads a tar.gz stream the way the server extracts it into a volume, without writing anything:
/// counts the bytes of regular files, stops once they would exceed the limit, and refuses absolute
/// paths and ".." entries.
/// </summary>
internal static class TarGzArchive
{
    public static async Task<long> MeasureAsync(Stream gzip, long maxBytes, CancellationToken cancellationToken)
    {
        long total = 0;
        try
        {
            await using var decompressed = new GZipStream(gzip, CompressionMode.Decompress, leaveOpen: true);
            await using var reader = new TarReader(decompressed);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                var name = entry.Name;
                if (name.StartsWith('/') || name.Split('/').Contains(".."))
                    throw new ArchiveException($"invalid archive path: {name}", tooLarge: false);
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                if (total + entry.Length > maxBytes)
                    throw new ArchiveException($"archive content exceeds size limit: would exceed {maxBytes} bytes", tooLarge: true);
                total += entry.Length;
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or InvalidOperationException)
        {
            throw new ArchiveException("invalid archive: " + e.Message, tooLarge: false);
        }
        return total;
    }

    /// <summary>The volume's size: content rounded up to whole GiB, at least 1.</summary>
    public static int SizeGbFor(long contentBytes) => (int)Math.Max(1, (contentBytes + ByteSize.GB - 1) / ByteSize.GB);
}
