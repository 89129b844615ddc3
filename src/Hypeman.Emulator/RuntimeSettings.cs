namespace Hypeman.Emulator;

/// <summary>Settings that tests may change while the emulator runs (POST /_emulator/settings).</summary>
internal sealed class RuntimeSettings(EmulatorOptions options)
{
    private readonly Lock _gate = new();
    private VolumeOpsMode _volumeOps = options.VolumeOps;
    private int _bootDelayMs = options.BootDelayMs;
    private int _latencyMs = options.LatencyMs;
    private int _imagePullDelayMs = options.ImagePullDelayMs;

    public VolumeOpsMode VolumeOps { get { lock (_gate) return _volumeOps; } set { lock (_gate) _volumeOps = value; } }

    public int BootDelayMs { get { lock (_gate) return _bootDelayMs; } set { lock (_gate) _bootDelayMs = value; } }

    public int LatencyMs { get { lock (_gate) return _latencyMs; } set { lock (_gate) _latencyMs = value; } }

    public int ImagePullDelayMs { get { lock (_gate) return _imagePullDelayMs; } set { lock (_gate) _imagePullDelayMs = value; } }

    public void Reset()
    {
        lock (_gate)
        {
            _volumeOps = options.VolumeOps;
            _bootDelayMs = options.BootDelayMs;
            _latencyMs = options.LatencyMs;
            _imagePullDelayMs = options.ImagePullDelayMs;
        }
    }
}
