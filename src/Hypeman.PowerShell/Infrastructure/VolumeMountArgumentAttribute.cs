using System.Collections;
using System.Management.Automation;

namespace Hypeman.PowerShell;

/// <summary>
/// Lets -Volume take, for each mount, a string 'volume:/guest/path[:ro]' (as the CLI writes it),
/// a hashtable @{VolumeId=...; MountPath=...; ReadOnly=$true; Overlay=$true; OverlaySize='1GB'},
/// or a Hypeman.VolumeMount.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class VolumeMountArgumentAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null) return Array.Empty<VolumeMount>();
        if (value is string or IDictionary or VolumeMount) return new[] { ToMount(value) };
        if (value is IEnumerable items) return items.Cast<object?>().Select(i => ToMount(i is PSObject p ? p.BaseObject : i)).ToArray();
        return new[] { ToMount(value) };
    }

    internal static VolumeMount ToMount(object? value) => value switch
    {
        VolumeMount mount => mount,
        string text => Parse(text),
        IDictionary table => FromTable(table),
        _ => throw new ArgumentTransformationMetadataException(
            $"A volume mount must be a string 'volume:/path[:ro]', a hashtable or a Hypeman.VolumeMount, not {value?.GetType().FullName ?? "null"}."),
    };

    private static VolumeMount Parse(string text)
    {
        // volume:/path[:ro|:rw]; the path itself never holds ':' in practice.
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || !parts[1].StartsWith('/'))
            throw new ArgumentTransformationMetadataException($"'{text}' is not a volume mount: write 'volume:/guest/path' or 'volume:/guest/path:ro'.");
        bool readOnly = false;
        if (parts.Length == 3)
        {
            readOnly = parts[2].ToLowerInvariant() switch
            {
                "ro" => true,
                "rw" => false,
                _ => throw new ArgumentTransformationMetadataException($"'{text}' ends with '{parts[2]}': the mode must be 'ro' or 'rw'."),
            };
        }
        return new VolumeMount { VolumeId = parts[0], MountPath = parts[1], ReadOnly = readOnly };
    }

    private static VolumeMount FromTable(IDictionary table)
    {
        object? Raw(string key) =>
            table.Keys.Cast<object>().FirstOrDefault(k => string.Equals(k.ToString(), key, StringComparison.OrdinalIgnoreCase)) is { } found ? table[found] : null;
        string? Get(string key) => Raw(key) is { } raw ? ArgumentText.Text(raw) : null;
        bool? Flag(string key) => Raw(key) is { } raw ? LanguagePrimitives.IsTrue(raw) : null;

        var volumeId = Get("VolumeId") ?? Get("Volume");
        var mountPath = Get("MountPath") ?? Get("Path");
        if (string.IsNullOrEmpty(volumeId) || string.IsNullOrEmpty(mountPath) || !mountPath.StartsWith('/'))
            throw new ArgumentTransformationMetadataException("A volume mount hashtable needs VolumeId and an absolute MountPath, e.g. @{VolumeId='data'; MountPath='/mnt/data'}.");
        return new VolumeMount
        {
            VolumeId = volumeId,
            MountPath = mountPath,
            ReadOnly = Flag("ReadOnly"),
            Overlay = Flag("Overlay"),
            OverlaySize = Get("OverlaySize"),
        };
    }
}
