using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hypeman.Emulator.Formats;
using Hypeman.Emulator.Json;

namespace Hypeman.Emulator.State;

/// <summary>Fills a cleared store: the --images list, then the demo data or a JSON seed file.</summary>
internal static class Seeder
{
    public static void Apply(StoreState state)
    {
        foreach (var image in state.Options.Images) AddReadyImage(state, image);
        switch (state.Options.Seed)
        {
            case "none":
                break;
            case "demo":
                ApplyDemo(state);
                break;
            default:
                ApplyFile(state, state.Options.Seed);
                break;
        }
    }

    /// <summary>A digest derived from the name, so the same image always gets the same digest.</summary>
    public static string DigestFor(string normalizedName) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedName)));

    public static ImageRecord AddReadyImage(StoreState state, string name, IReadOnlyDictionary<string, string>? tags = null)
    {
        if (!ImageReference.TryParse(name, out var reference, out var error))
            throw new InvalidOperationException($"seed image '{name}': {error}");
        var digest = DigestFor(reference.ToString());
        if (state.Images.TryGetValue(digest, out var existing)) return existing;
        var image = new ImageRecord
        {
            Reference = reference,
            Digest = digest,
            CreatedAt = state.Now.AddHours(-1),
            ReadyAt = state.Now.AddHours(-1),
            Platform = HostPlatform,
            Tags = tags ?? new Dictionary<string, string>(),
        };
        state.Images[digest] = image;
        return image;
    }

    public static string HostPlatform =>
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64
            ? "linux/arm64"
            : "linux/amd64";

    private static void ApplyDemo(StoreState state)
    {
        var logs = AddVolume(state, null, "logs", 5, new() { ["env"] = "demo", ["purpose"] = "logs" });
        var data = AddVolume(state, null, "data", 10, new() { ["env"] = "demo", ["tier"] = "db" });
        AddVolume(state, null, "scratch", 1, new() { ["env"] = "demo" });

        AddInstance(state, new CreateInstanceSpec
        {
            Name = "web-1", Image = "docker.io/library/nginx:latest",
            Tags = new Dictionary<string, string> { ["app"] = "web", ["env"] = "demo" },
            Volumes = [new VolumeMountSpec(logs.Id, "/mnt/logs", true, false, null)],
        }, InstanceStates.Running);
        AddInstance(state, new CreateInstanceSpec
        {
            Name = "web-2", Image = "docker.io/library/nginx:latest",
            Tags = new Dictionary<string, string> { ["app"] = "web", ["env"] = "demo" },
            Volumes = [new VolumeMountSpec(logs.Id, "/mnt/logs", true, false, null)],
        }, InstanceStates.Stopped);
        AddInstance(state, new CreateInstanceSpec
        {
            Name = "api", Image = "docker.io/library/alpine:latest", Vcpus = 4, Size = "2GB",
            Env = new Dictionary<string, string> { ["PORT"] = "8080" },
            Tags = new Dictionary<string, string> { ["app"] = "api", ["env"] = "demo" },
            Volumes = [new VolumeMountSpec(data.Id, "/data", false, false, null)],
        }, InstanceStates.Running);
        AddInstance(state, new CreateInstanceSpec
        {
            Name = "worker", Image = "docker.io/library/busybox:latest",
            Tags = new Dictionary<string, string> { ["app"] = "worker", ["env"] = "demo" },
        }, InstanceStates.Standby);
    }

    private static void ApplyFile(StoreState state, string path)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"seed file '{path}': {e.Message}", e);
        }

        if (root.TryGetProperty("images", out var images))
        {
            foreach (var image in images.EnumerateArray()) AddReadyImage(state, image.GetString() ?? "");
        }
        if (root.TryGetProperty("volumes", out var volumes))
        {
            foreach (var v in volumes.EnumerateArray())
            {
                AddVolume(state, JsonRead.String(v, "id"), JsonRead.String(v, "name") ?? throw Bad(path, "a volume needs a name"),
                    v.TryGetProperty("size_gb", out var size) ? size.GetInt32() : 1, JsonRead.StringMap(v, "tags"));
            }
        }
        if (root.TryGetProperty("instances", out var instances))
        {
            foreach (var i in instances.EnumerateArray())
            {
                var mounts = new List<VolumeMountSpec>();
                if (i.TryGetProperty("volumes", out var volumeList))
                {
                    foreach (var m in volumeList.EnumerateArray())
                    {
                        var reference = JsonRead.String(m, "volume") ?? JsonRead.String(m, "volume_id") ?? throw Bad(path, "a volume mount needs 'volume'");
                        var volume = state.ResolveVolume(reference).Value ?? throw Bad(path, $"no volume '{reference}'");
                        mounts.Add(new VolumeMountSpec(volume.Id, JsonRead.String(m, "mount_path") ?? throw Bad(path, "a volume mount needs 'mount_path'"),
                            m.TryGetProperty("readonly", out var ro) && ro.GetBoolean(), false, null));
                    }
                }
                var image = JsonRead.String(i, "image") ?? "docker.io/library/alpine:latest";
                AddReadyImage(state, image);
                AddInstance(state, new CreateInstanceSpec
                {
                    Id = JsonRead.String(i, "id"),
                    Name = JsonRead.String(i, "name") ?? throw Bad(path, "an instance needs a name"),
                    Image = image,
                    Size = JsonRead.String(i, "size"),
                    Vcpus = i.TryGetProperty("vcpus", out var vcpus) ? vcpus.GetInt32() : null,
                    NetworkEnabled = !i.TryGetProperty("network_enabled", out var net) || net.GetBoolean(),
                    Env = JsonRead.StringMap(i, "env"),
                    Tags = JsonRead.StringMap(i, "tags"),
                    Volumes = mounts,
                }, JsonRead.String(i, "state") ?? InstanceStates.Running);
            }
        }
    }

    private static VolumeRecord AddVolume(StoreState state, string? id, string name, int sizeGb, Dictionary<string, string> tags)
    {
        var volume = new VolumeRecord
        {
            Id = id ?? IdGenerator.NewId(), Name = name, SizeGb = sizeGb, Tags = tags, CreatedAt = state.Now.AddMinutes(-30),
        };
        state.Volumes[volume.Id] = volume;
        return volume;
    }

    private static void AddInstance(StoreState state, CreateInstanceSpec spec, string targetState)
    {
        AddReadyImage(state, spec.Image);
        var (instance, error) = InstanceFactory.Create(state, spec, TimeSpan.Zero);
        if (error is not null) throw new InvalidOperationException($"seed instance '{spec.Name}': {error.Code}: {error.Message}");
        var lifecycleError = targetState switch
        {
            InstanceStates.Running => null,
            InstanceStates.Stopped => InstanceLifecycle.Stop(state, instance!),
            InstanceStates.Standby => InstanceLifecycle.Standby(state, instance!),
            _ => new ApiError(400, "invalid_seed", $"state must be Running, Stopped or Standby, not {targetState}"),
        };
        if (lifecycleError is not null) throw new InvalidOperationException($"seed instance '{spec.Name}': {lifecycleError.Message}");
    }

    private static InvalidOperationException Bad(string path, string message) => new($"seed file '{path}': {message}");
}
