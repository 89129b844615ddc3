namespace Hypeman.Emulator.State;

/// <summary>
/// The in-memory server state behind one lock. Handlers run their whole read-check-change step inside
/// <see cref="Run{T}"/>, so every request sees and leaves a consistent state.
/// </summary>
internal sealed class EmulatorStore
{
    private readonly Lock _gate = new();
    private readonly StoreState _state;
    private readonly TimeProvider _time;

    public EmulatorStore(EmulatorOptions options, RuntimeSettings settings, TimeProvider time)
    {
        _time = time;
        _state = new StoreState(options, settings);
        Reset();
    }

    public T Run<T>(Func<StoreState, T> action)
    {
        lock (_gate)
        {
            _state.Now = _time.GetUtcNow();
            _state.Advance();
            return action(_state);
        }
    }

    /// <summary>Drops everything and applies the images option and the seed again.</summary>
    public void Reset() => Run(state =>
    {
        state.Clear();
        Seeder.Apply(state);
        return true;
    });
}
