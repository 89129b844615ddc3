namespace Hypeman.Emulator.Formats;

/// <summary>The guest mount-path rules the server applies to volume mounts.</summary>
internal static class MountPaths
{
    // Mounting over these (or anything under them) would break the guest, so the server refuses them.
    private static readonly string[] SystemDirectories =
        ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr", "/var"];

    /// <summary>Returns null when the path is acceptable, otherwise why not.</summary>
    public static string? Check(string path)
    {
        if (!path.StartsWith('/')) return $"mount path \"{path}\" must be absolute";
        var clean = Clean(path);
        if (clean == "/" || SystemDirectories.Any(dir => clean == dir || clean.StartsWith(dir + "/", StringComparison.Ordinal)))
            return $"cannot mount to system directory \"{clean}\"";
        return null;
    }

    /// <summary>Lexical cleanup like Go's path.Clean, so "/mnt/../etc" is seen as "/etc".</summary>
    public static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }
}
