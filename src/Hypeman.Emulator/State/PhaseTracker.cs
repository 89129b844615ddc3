namespace Hypeman.Emulator.State;

/// <summary>Cumulative time per lifecycle phase (Instance.phase_durations_ms / current_phase in 0.3.0).</summary>
internal sealed class PhaseTracker
{
    private readonly Dictionary<string, long> _totalsMs = new(StringComparer.Ordinal);

    public string Current { get; private set; } = "";

    public DateTimeOffset Since { get; private set; }

    /// <summary>Enters <paramref name="state"/> (an InstanceState) at <paramref name="at"/>.</summary>
    public void Record(string state, DateTimeOffset at)
    {
        var phase = state.ToLowerInvariant();
        if (phase == Current) return;
        if (Current.Length > 0) Add(Current, at - Since);
        Current = phase;
        Since = at;
    }

    /// <summary>Totals including the time spent so far in the current phase.</summary>
    public IReadOnlyDictionary<string, long> Snapshot(DateTimeOffset now)
    {
        var result = new Dictionary<string, long>(_totalsMs, StringComparer.Ordinal);
        if (Current.Length > 0)
            result[Current] = result.GetValueOrDefault(Current) + (long)Math.Max(0, (now - Since).TotalMilliseconds);
        return result;
    }

    private void Add(string phase, TimeSpan span) =>
        _totalsMs[phase] = _totalsMs.GetValueOrDefault(phase) + (long)Math.Max(0, span.TotalMilliseconds);
}
