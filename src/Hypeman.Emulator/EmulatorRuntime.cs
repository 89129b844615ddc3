using Hypeman.Emulator.Admin;
using Hypeman.Emulator.Auth;
using Hypeman.Emulator.State;

namespace Hypeman.Emulator;

/// <summary>Everything one running emulator shares between requests.</summary>
internal sealed class EmulatorRuntime
{
    public EmulatorRuntime(EmulatorOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        Settings = new RuntimeSettings(options);
        Store = new EmulatorStore(options, Settings, time);
        Jwt = new JwtValidator(options.JwtSecret, time);
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public RuntimeSettings Settings { get; }

    public EmulatorStore Store { get; }

    public JwtValidator Jwt { get; }

    public RequestLog Requests { get; } = new();

    public FaultQueue Faults { get; } = new();

    /// <summary>Back to the start-up state: seed data, settings, no faults, empty log.</summary>
    public void Reset()
    {
        Settings.Reset();
        Faults.Clear();
        Requests.Clear();
        Store.Reset();
    }
}
