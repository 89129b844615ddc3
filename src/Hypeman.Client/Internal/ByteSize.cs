using System.Globalization;

namespace Hypeman;

/// <summary>
/// Reads the server's human-readable sizes ("1024.0 MB", "3.0 GB", "512MB", "2G", "100MB/s").
/// The server parses and prints them with binary units (1 KB = 1024 bytes), so we do too.
/// </summary>
internal static class ByteSize
{
    public static long? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        if (s.EndsWith("/s", StringComparison.OrdinalIgnoreCase)) s = s[..^2];
        int i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
        if (i == 0 || !double.TryParse(s.AsSpan(0, i), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return null;
        var unit = s[i..].Trim().ToUpperInvariant();
        if (unit.EndsWith('B') && unit.Length > 1) unit = unit[..^1];
        if (unit.EndsWith('I')) unit = unit[..^1]; // "GiB" reads like "GB"
        double factor = unit switch
        {
            "" or "B" => 1,
            "K" => 1L << 10,
            "M" => 1L << 20,
            "G" => 1L << 30,
            "T" => 1L << 40,
            "P" => 1L << 50,
            _ => double.NaN,
        };
        if (double.IsNaN(factor)) return null;
        var bytes = number * factor;
        return bytes > long.MaxValue ? null : (long)Math.Round(bytes);
    }

    /// <summary>Formats a byte count the way the server accepts it, in the largest whole unit ("512MB", "2GB").</summary>
    public static string Format(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        int u = 0;
        while (u < units.Length - 1 && bytes != 0 && bytes % 1024 == 0) { bytes /= 1024; u++; }
        return bytes.ToString(CultureInfo.InvariantCulture) + units[u];
    }
}
