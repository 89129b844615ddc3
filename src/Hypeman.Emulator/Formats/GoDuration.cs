using System.Globalization;

namespace Hypeman.Emulator.Formats;

/// <summary>Go's time.ParseDuration ("300ms", "1h30m", "-2s"), with Go's error texts.</summary>
internal static class GoDuration
{
    private static readonly (string Unit, double Nanos)[] Units =
    [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ];

    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = "";
        var quoted = "\"" + text + "\"";
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s == "0") return true;
        if (s.Length == 0) return Invalid(quoted, out error);

        double totalNanos = 0;
        while (s.Length > 0)
        {
            var numberEnd = 0;
            while (numberEnd < s.Length && (char.IsAsciiDigit(s[numberEnd]) || s[numberEnd] == '.')) numberEnd++;
            var number = s[..numberEnd];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1) return Invalid(quoted, out error);
            s = s[numberEnd..];

            var unitEnd = 0;
            while (unitEnd < s.Length && s[unitEnd] != '.' && !char.IsAsciiDigit(s[unitEnd])) unitEnd++;
            var unit = s[..unitEnd];
            s = s[unitEnd..];
            if (unit.Length == 0)
            {
                error = $"time: missing unit in duration {quoted}";
                return false;
            }
            var match = Array.Find(Units, u => u.Unit == unit);
            if (match.Unit is null)
            {
                error = $"time: unknown unit \"{unit}\" in duration {quoted}";
                return false;
            }
            totalNanos += double.Parse(number, CultureInfo.InvariantCulture) * match.Nanos;
        }
        if (totalNanos > long.MaxValue) return Invalid(quoted, out error);
        var ticks = (long)(totalNanos / 100);
        duration = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    private static bool Invalid(string quoted, out string error)
    {
        error = $"time: invalid duration {quoted}";
        return false;
    }
}
