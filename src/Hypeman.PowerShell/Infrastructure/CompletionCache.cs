using System.Diagnostics;

namespace Hypeman.PowerShell;

/// <summary>Remembers completion lists for a few seconds, so pressing Tab repeatedly asks the server once.</summary>
internal sealed class CompletionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly Dictionary<string, (long Stamp, object Value)> _entries = new(StringComparer.Ordinal);

    public T GetOrAdd<T>(string key, Func<T> load) where T : class
    {
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && Stopwatch.GetElapsedTime(entry.Stamp, now) < Lifetime && entry.Value is T cached)
                return cached;
        }
        var value = load();
        lock (_gate) _entries[key] = (now, value);
        return value;
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }
}
