using Hypeman.Emulator.Formats;

namespace Hypeman.Emulator.State;

/// <summary>
/// POST /instances after the schema check, in the server's order: the handler's 400s for unparsable
/// values first, then the manager's checks, most of which the server reports as 500 "failed to create instance".
/// </summary>
internal static class InstanceFactory
{
    private const int MaxVcpus = 16;
    private const long MaxMemory = 32 * ByteSize.GB;
    private const long MaxOverlay = 100 * ByteSize.GB;

    private static readonly ApiError CreateFailed = ApiError.Internal("failed to create instance");

    public static (InstanceRecord? Instance, ApiError? Error) Create(StoreState state, CreateInstanceSpec spec, TimeSpan bootDelay)
    {
        var v020 = state.IsV020;
        if (!TryParseSize(spec.Size, ByteSize.GB, "invalid_size", "size", out var size, out var error)) return (null, error);
        if (!TryParseSize(spec.HotplugSize, v020 ? 3 * ByteSize.GB : 0, "invalid_hotplug_size", "hotplug_size", out var hotplug, out error)) return (null, error);
        if (!TryParseSize(spec.OverlaySize, 10 * ByteSize.GB, "invalid_overlay_size", "overlay_size", out var overlay, out error)) return (null, error);

        long diskIo = 0;
        if (!string.IsNullOrEmpty(spec.DiskIoBps) && !Bandwidth.TryParseByteRate(spec.DiskIoBps, out diskIo, out var ioError))
            return (null, new ApiError(400, "invalid_disk_io_bps", $"invalid disk_io_bps format: {ioError}"));

        DateTimeOffset? expiresAt = null;
        if (!v020)
        {
            if (spec.Ttl is not null && spec.ExpiresAt is not null)
                return (null, new ApiError(400, "invalid_request", "ttl and expires_at are mutually exclusive"));
            if (spec.Ttl is not null)
            {
                if (!GoDuration.TryParse(spec.Ttl, out var ttl, out var ttlError))
                    return (null, new ApiError(400, "invalid_ttl", $"ttl must be a valid duration: {ttlError}"));
                if (ttl < TimeSpan.Zero) return (null, new ApiError(400, "invalid_ttl", "ttl cannot be negative"));
                if (ttl > TimeSpan.Zero) expiresAt = state.Now + ttl;
            }
        }

        if (!TryParseBandwidth(spec.BandwidthDownload, "download", out var download, out error)) return (null, error);
        if (!TryParseBandwidth(spec.BandwidthUpload, "upload", out var upload, out error)) return (null, error);

        var mounts = new List<VolumeMountRecord>();
        foreach (var mount in spec.Volumes)
        {
            long mountOverlay = 0;
            if (!string.IsNullOrEmpty(mount.OverlaySize) && !ByteSize.TryParse(mount.OverlaySize, out mountOverlay, out var overlayError))
                return (null, new ApiError(400, "invalid_overlay_size", $"invalid overlay_size for volume {mount.VolumeId}: {overlayError}"));
            mounts.Add(new VolumeMountRecord(mount.VolumeId, mount.MountPath, mount.Readonly, mount.Overlay, mountOverlay));
        }

        // The manager's checks.
        if (!v020 && spec.Platform is not null && spec.Platform.Split('/') is var platform
            && (platform[0] != "linux" || platform[1] is not ("amd64" or "arm64")))
            return (null, new ApiError(400, "invalid_platform", $"unsupported platform \"{spec.Platform}\": only linux/amd64 and linux/arm64 are supported"));
        if (!v020 && spec.ExpiresAt is not null)
        {
            Timestamps.TryParse(spec.ExpiresAt, out var at);
            if (at <= state.Now) return (null, new ApiError(400, "invalid_expires_at", "expires_at must be in the future"));
            expiresAt = at;
        }

        var (image, imageError) = FindImage(state, spec.Image);
        if (imageError is not null) return (null, imageError);

        var vcpus = spec.Vcpus is null or 0 ? 2 : spec.Vcpus.Value;
        if (vcpus < 0 || vcpus > MaxVcpus || size + hotplug > MaxMemory || overlay > MaxOverlay) return (null, CreateFailed);

        if (spec.NetworkEnabled && state.Instances.Values.Any(i => i.NetworkEnabled && i.Name == spec.Name))
            return (null, new ApiError(400, "name_conflict", "instance name already exists"));

        // The emulator has no PCI devices, so any device reference fails as a missing device does.
        if (spec.Devices.Count > 0) return (null, CreateFailed);

        var id = spec.Id ?? IdGenerator.NewId();
        if (state.Instances.ContainsKey(id)) return (null, new ApiError(400, "already_exists", "instance already exists"));
        if (VolumeAttachments.CheckMounts(mounts) is not null) return (null, CreateFailed);
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i];
            if (!state.Volumes.ContainsKey(mount.VolumeId)) return (null, CreateFailed); // exact ID only
            if (mounts.Take(i).Any(m => m.VolumeId == mount.VolumeId)) return (null, CreateFailed);
            if (VolumeAttachments.CheckShareable(state, mount.VolumeId, id, mount.Readonly) is not null) return (null, CreateFailed);
        }

        var instance = new InstanceRecord
        {
            Id = id,
            Name = spec.Name,
            Image = spec.Image, // echoed as given, not normalised
            Platform = v020 ? null : spec.Platform ?? image!.Platform,
            Hypervisor = spec.Hypervisor ?? "cloud-hypervisor",
            SizeBytes = size,
            HotplugBytes = hotplug,
            OverlayBytes = overlay,
            Vcpus = vcpus,
            DiskIoBps = diskIo,
            BandwidthDownload = download,
            BandwidthUpload = upload,
            Env = spec.Env,
            Tags = spec.Tags,
            NetworkEnabled = spec.NetworkEnabled,
            CreatedAt = state.Now,
            ExpiresAt = expiresAt,
            StartedAt = state.Now,
            Entrypoint = spec.Entrypoint,
            Cmd = spec.Cmd,
            SnapshotPolicy = spec.SnapshotPolicy,
            AutoStandby = spec.AutoStandby,
            HealthCheck = spec.HealthCheck,
            RestartPolicy = spec.RestartPolicy,
        };
        instance.Volumes.AddRange(mounts);
        if (spec.NetworkEnabled) (instance.Ip, instance.Mac) = state.AllocateAddress();
        instance.Boot(state.Now, bootDelay, InstanceLifecycle.BootingState(state));
        state.Instances[id] = instance;
        return (instance, null);
    }

    /// <summary>
    /// The server does not pull on create. 0.3.0 answers 404 for a missing image; 0.2.0 fails with 500.
    /// A known image that is not ready yet is 400 image_not_ready.
    /// </summary>
    private static (ImageRecord? Image, ApiError? Error) FindImage(StoreState state, string name)
    {
        if (!ImageReference.TryParse(name, out var reference, out _)) return (null, CreateFailed);
        var ready = state.FindImage(reference, requireReadyTag: !reference.IsDigest);
        if (ready is not null && ready.IsReady(state.Now)) return (ready, null);

        var known = ready ?? state.FindImage(reference, requireReadyTag: false);
        var notReadyVisible = reference.IsDigest || !state.IsV020; // 0.2.0 finds tags only through the ready symlink
        if (known is not null && notReadyVisible)
            return (null, new ApiError(400, "image_not_ready", $"image not ready: image status is {known.Status(state.Now)}"));
        return state.IsV020 ? (null, CreateFailed) : (null, new ApiError(404, "not_found", $"image {name}: image not found"));
    }

    private static bool TryParseSize(string? text, long fallback, string code, string field, out long bytes, out ApiError? error)
    {
        error = null;
        bytes = fallback;
        if (string.IsNullOrEmpty(text)) return true;
        if (ByteSize.TryParse(text, out bytes, out var reason)) return true;
        error = new ApiError(400, code, $"invalid {field} format: {reason}");
        return false;
    }

    private static bool TryParseBandwidth(string? text, string direction, out long bytesPerSecond, out ApiError? error)
    {
        error = null;
        bytesPerSecond = 0;
        if (string.IsNullOrEmpty(text)) return true;
        if (Bandwidth.TryParse(text, out bytesPerSecond, out var reason)) return true;
        error = new ApiError(400, $"invalid_bandwidth_{direction}", $"invalid bandwidth_{direction} format: {reason}");
        return false;
    }
}
