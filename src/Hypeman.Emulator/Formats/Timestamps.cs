using System.Globalization;

namespace Hypeman.Emulator.Formats;

/// <summary>RFC 3339 UTC timestamps as the server writes them.</summary>
internal static class Timestamps
{
    /// <summary>Fractional seconds when present, trailing zeros trimmed (Go's RFC3339Nano).</summary>
    public static string Precise(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds (volumes store created_at as RFC3339).</summary>
    public static string Seconds(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
        && text.Contains('T', StringComparison.OrdinalIgnoreCase);
}
