namespace Hypeman.Emulator.Formats;

/// <summary>Bandwidth and I/O-rate strings: "1Gbps" (bits, decimal multipliers) or "125MB/s" (bytes).</summary>
internal static class Bandwidth
{
    public static bool TryParse(string text, out long bytesPerSecond, out string error)
    {
        bytesPerSecond = 0;
        error = "";
        var limit = text.Trim().ToLowerInvariant();
        if (limit.EndsWith("bps", StringComparison.Ordinal))
        {
            var number = limit[..^3].Trim();
            long multiplier = 1;
            if (number.EndsWith('g')) { multiplier = 1_000_000_000; number = number[..^1]; }
            else if (number.EndsWith('m')) { multiplier = 1_000_000; number = number[..^1]; }
            else if (number.EndsWith('k')) { multiplier = 1_000; number = number[..^1]; }
            if (!long.TryParse(number.Trim(), System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out var bits))
            {
                error = $"invalid number: {number}";
                return false;
            }
            bytesPerSecond = bits * multiplier / 8;
            return true;
        }
        if (!TryParseByteRate(limit, out bytesPerSecond, out var inner))
        {
            error = "parse as bytes: " + inner;
            return false;
        }
        return true;
    }

    /// <summary>A byte rate such as "100MB/s" (the suffix "/s" or "ps" is optional), as disk_io_bps is parsed.</summary>
    public static bool TryParseByteRate(string text, out long bytesPerSecond, out string error)
    {
        var trimmed = text.EndsWith("/s", StringComparison.Ordinal) ? text[..^2] : text;
        trimmed = trimmed.EndsWith("ps", StringComparison.Ordinal) ? trimmed[..^2] : trimmed;
        return ByteSize.TryParse(trimmed, out bytesPerSecond, out error);
    }

    /// <summary>How the server prints a rate: HR() followed by "/s".</summary>
    public static string Format(long bytesPerSecond) => ByteSize.Format(bytesPerSecond) + "/s";
}
