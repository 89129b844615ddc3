using Hypeman.Emulator.Formats;

namespace Hypeman.Emulator.State;

/// <summary>
/// The volume manager's multi-attach rules: one read-write attachment excludes all others;
/// read-only attachments may be shared; the same instance cannot attach a volume twice.
/// </summary>
internal static class VolumeAttachments
{
    /// <summary>The most volume devices one instance may have (an overlay volume counts as 2).</summary>
    public const int MaxDevicesPerInstance = 23;

    /// <summary>Why <paramref name="instanceId"/> may not attach the volume now, or null.</summary>
    public static ApiError? CheckShareable(StoreState state, string volumeId, string instanceId, bool readOnly)
    {
        var existing = state.AttachmentsOf(volumeId).ToList();
        if (existing.Any(a => a.Instance.Id == instanceId))
            return ApiError.Conflict("volume already attached to instance");
        if (existing.Any(a => !a.Mount.Readonly))
            return ApiError.Conflict("volume is attached read-write to another instance");
        if (existing.Count > 0 && !readOnly)
            return ApiError.Conflict("volume is attached read-only to other instances; only read-only attachments are allowed");
        return null;
    }

    /// <summary>
    /// Mount-path and device-count checks for all mounts of one instance: a bad path or overlay setting
    /// is 400 invalid_mount_path, too many devices 409 conflict (create reports any of them as 500).
    /// </summary>
    public static ApiError? CheckMounts(IReadOnlyList<VolumeMountRecord> mounts)
    {
        var devices = mounts.Sum(m => m.Overlay ? 2 : 1);
        if (devices > MaxDevicesPerInstance)
            return ApiError.Conflict($"cannot attach more than {MaxDevicesPerInstance} volume devices per instance (overlay volumes count as 2)");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in mounts)
        {
            if (MountPaths.Check(mount.MountPath) is { } problem) return InvalidMountPath($"volume {mount.VolumeId}: {problem}");
            var clean = MountPaths.Clean(mount.MountPath);
            if (!seen.Add(clean)) return InvalidMountPath($"duplicate mount path \"{clean}\"");
            if (mount.Overlay && !mount.Readonly) return InvalidMountPath($"volume {mount.VolumeId}: overlay mode requires readonly=true");
            if (mount.Overlay && mount.OverlayBytes <= 0) return InvalidMountPath($"volume {mount.VolumeId}: overlay_size is required when overlay=true");
        }
        return null;
    }

    private static ApiError InvalidMountPath(string message) => new(400, "invalid_mount_path", message);
}
