using Hypeman.Emulator.Formats;

namespace Hypeman.Emulator.State;

/// <summary>
/// The emulator's data. Every member is used only while <see cref="EmulatorStore"/> holds its lock,
/// so nothing here synchronises on its own.
/// </summary>
internal sealed class StoreState(EmulatorOptions options, RuntimeSettings settings)
{
    // Lists are ordered by ID, as the server lists its data directories.
    public SortedDictionary<string, InstanceRecord> Instances { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, VolumeRecord> Volumes { get; } = new(StringComparer.Ordinal);

    /// <summary>Images keyed by digest.</summary>
    public Dictionary<string, ImageRecord> Images { get; } = new(StringComparer.Ordinal);

    public EmulatorOptions Options { get; } = options;
    public RuntimeSettings Settings { get; } = settings;
    public bool IsV020 => Options.ApiVersion == ApiVersion.V020;

    /// <summary>The time of the current operation (fixed for its whole duration).</summary>
    public DateTimeOffset Now { get; set; }

    private int _nextAddress;

    public void Clear()
    {
        Instances.Clear();
        Volumes.Clear();
        Images.Clear();
        _nextAddress = 0;
    }

    /// <summary>A fresh guest IP and MAC (a new pair on every boot from Stopped, as the server allocates).</summary>
    public (string Ip, string Mac) AllocateAddress()
    {
        var n = _nextAddress++;
        var ip = $"10.100.{(n + 2) / 254}.{(n + 2) % 254 + 1}";
        var mac = $"02:00:00:{(n >> 16) & 0xff:x2}:{(n >> 8) & 0xff:x2}:{n & 0xff:x2}";
        return (ip, mac);
    }

    /// <summary>Instance lookup: exact ID, then exact name, then ID prefix; several matches are ambiguous.</summary>
    public Resolution<InstanceRecord> ResolveInstance(string reference)
    {
        if (Instances.TryGetValue(reference, out var byId)) return Resolution<InstanceRecord>.Found(byId);
        var byName = Instances.Values.Where(i => i.Name == reference).Take(2).ToList();
        if (byName.Count > 1) return Resolution<InstanceRecord>.Failed(ApiError.Ambiguous);
        if (byName.Count == 1) return Resolution<InstanceRecord>.Found(byName[0]);
        var byPrefix = Instances.Values.Where(i => i.Id.StartsWith(reference, StringComparison.Ordinal)).Take(2).ToList();
        return byPrefix.Count switch
        {
            1 => Resolution<InstanceRecord>.Found(byPrefix[0]),
            > 1 => Resolution<InstanceRecord>.Failed(ApiError.Ambiguous),
            _ => Resolution<InstanceRecord>.Failed(ApiError.NotFound),
        };
    }

    /// <summary>Volume lookup: exact ID, then exact name (names need not be unique). No prefixes.</summary>
    public Resolution<VolumeRecord> ResolveVolume(string reference)
    {
        if (Volumes.TryGetValue(reference, out var byId)) return Resolution<VolumeRecord>.Found(byId);
        var byName = Volumes.Values.Where(v => v.Name == reference).Take(2).ToList();
        return byName.Count switch
        {
            1 => Resolution<VolumeRecord>.Found(byName[0]),
            > 1 => Resolution<VolumeRecord>.Failed(ApiError.Ambiguous),
            _ => Resolution<VolumeRecord>.Failed(ApiError.NotFound),
        };
    }

    /// <summary>
    /// Image lookup: a tag reference finds only a ready, tagged image (the server's tag symlink);
    /// a digest reference finds the image in any status.
    /// </summary>
    public Resolution<ImageRecord> ResolveImage(string reference)
    {
        if (!ImageReference.TryParse(reference, out var parsed, out _))
            return Resolution<ImageRecord>.Failed(new ApiError(400, "invalid_name", "invalid image reference"));
        var image = FindImage(parsed, requireReadyTag: true);
        return image is null ? Resolution<ImageRecord>.Failed(ApiError.NotFound) : Resolution<ImageRecord>.Found(image);
    }

    /// <summary>A digest finds its image in any status; a tag finds a tagged image, ready only if asked.</summary>
    public ImageRecord? FindImage(ImageReference reference, bool requireReadyTag)
    {
        if (reference.Digest is { } digest)
            return Images.GetValueOrDefault(digest) is { } d && d.Reference.Repository == reference.Repository ? d : null;
        return Images.Values.FirstOrDefault(i => i.Name == reference.ToString() && i.Tagged && (!requireReadyTag || i.IsReady(Now)));
    }

    /// <summary>Who has a volume mounted: derived from the instances, so the two views never disagree.</summary>
    public IEnumerable<(InstanceRecord Instance, VolumeMountRecord Mount)> AttachmentsOf(string volumeId) =>
        Instances.Values.SelectMany(i => i.Volumes.Where(m => m.VolumeId == volumeId).Select(m => (i, m)));

    /// <summary>Moves time-driven state forward (boots finishing).</summary>
    public void Advance()
    {
        foreach (var instance in Instances.Values) instance.Advance(Now);
    }
}
