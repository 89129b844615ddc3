using Hypeman.Emulator.Formats;

namespace Hypeman.Emulator.State;

/// <summary>
/// One image (one digest). Pulls are simulated by time: pending → pulling → converting → ready.
/// The tag is visible (GET by tag, list) only once ready, as on the server.
/// </summary>
internal sealed class ImageRecord
{
    public required ImageReference Reference { get; init; }
    public required string Digest { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ReadyAt { get; init; }
    public string Platform { get; init; } = "linux/amd64";
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>False after DELETE: the tag is gone but the digest data stays.</summary>
    public bool Tagged { get; set; } = true;

    public string Name => Reference.ToString();

    public string Status(DateTimeOffset now)
    {
        if (now >= ReadyAt) return "ready";
        var total = (ReadyAt - CreatedAt).TotalMilliseconds;
        var done = (now - CreatedAt).TotalMilliseconds / Math.Max(1, total);
        return done switch { < 0.2 => "pending", < 0.6 => "pulling", _ => "converting" };
    }

    public bool IsReady(DateTimeOffset now) => Status(now) == "ready";

    /// <summary>A stable fake size so listings and resources add up.</summary>
    public long SizeBytes => 8 * ByteSize.MB + Convert.ToInt32(Digest[^2..], 16) % 64 * ByteSize.MB;

    // OCI config metadata, filled in from well-known images so demos look familiar.
    public IReadOnlyList<string>? Entrypoint => Reference.Repository.EndsWith("/nginx", StringComparison.Ordinal) ? ["/docker-entrypoint.sh"] : null;

    public IReadOnlyList<string> Cmd => Reference.Repository.EndsWith("/nginx", StringComparison.Ordinal)
        ? ["nginx", "-g", "daemon off;"]
        : ["/bin/sh"];

    public IReadOnlyDictionary<string, string> Env { get; } =
        new Dictionary<string, string> { ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" };
}
