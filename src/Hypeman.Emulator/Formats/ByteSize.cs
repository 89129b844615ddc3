using System.Globalization;

namespace Hypeman.Emulator.Formats;

/// <summary>
/// Size strings as the server parses and prints them (the Go datasize package): integer values,
/// binary units (1GB = 1024³ bytes), and HR() output with one decimal and a strictly-greater unit switch.
/// </summary>
internal static class ByteSize
{
    public const long KB = 1L << 10;
    public const long MB = 1L << 20;
    public const long GB = 1L << 30;
    public const long TB = 1L << 40;
    public const long PB = 1L << 50;
    public const long EB = 1L << 60;

    /// <summary>Parses "512MB", "2G", "1024"; error text mirrors the Go parser's.</summary>
    public static bool TryParse(string text, out long bytes, out string error)
    {
        bytes = 0;
        error = "";
        var i = 0;
        ulong value = 0;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            var digit = (ulong)(text[i] - '0');
            if (value > (ulong.MaxValue - digit) / 10) return Fail(text, "value out of range", out error);
            value = value * 10 + digit;
            i++;
        }
        if (i == 0) return Fail(text, "invalid syntax", out error);

        var unit = text[i..].Trim();
        if (unit is "Kb" or "Mb" or "Gb" or "Tb" or "Pb" or "Eb")
        {
            error = "unit with capital unit prefix and lower case unit (b) - bits, not bytes ";
            return false;
        }
        long multiplier = unit.ToLowerInvariant() switch
        {
            "" or "b" or "byte" => 1,
            "k" or "kb" or "kilo" or "kilobyte" or "kilobytes" => KB,
            "m" or "mb" or "mega" or "megabyte" or "megabytes" => MB,
            "g" or "gb" or "giga" or "gigabyte" or "gigabytes" => GB,
            "t" or "tb" or "tera" or "terabyte" or "terabytes" => TB,
            "p" or "pb" or "peta" or "petabyte" or "petabytes" => PB,
            "e" or "eb" or "exa" or "exabyte" or "exabytes" => EB,
            _ => 0,
        };
        if (multiplier == 0) return Fail(text, "invalid syntax", out error);
        if (value > (ulong)(long.MaxValue / multiplier)) return Fail(text, "value out of range", out error);
        bytes = (long)value * multiplier;
        return true;
    }

    private static bool Fail(string text, string reason, out string error)
    {
        error = $"strconv.UnmarshalText: parsing \"{text}\": {reason}";
        return false;
    }

    /// <summary>Go datasize HR(): "1024.0 MB" for exactly 1 GiB, "3.0 GB", "512 B".</summary>
    public static string Format(long bytes)
    {
        (long unit, string name) = bytes switch
        {
            > EB => (EB, "EB"),
            > PB => (PB, "PB"),
            > TB => (TB, "TB"),
            > GB => (GB, "GB"),
            > MB => (MB, "MB"),
            > KB => (KB, "KB"),
            _ => (1L, "B"),
        };
        if (unit == 1) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        // Go's %.1f rounds the exact value half-to-even; decimal division keeps it exact enough.
        var scaled = Math.Round((decimal)bytes / unit, 1, MidpointRounding.ToEven);
        return scaled.ToString("0.0", CultureInfo.InvariantCulture) + " " + name;
    }
}
