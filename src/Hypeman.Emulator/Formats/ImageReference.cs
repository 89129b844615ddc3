using System.Text.RegularExpressions;

namespace Hypeman.Emulator.Formats;

/// <summary>
/// An OCI image reference normalised as the server does (docker's ParseNormalizedNamed plus ":latest"):
/// "alpine" becomes "docker.io/library/alpine:latest".
/// </summary>
internal sealed partial record ImageReference(string Repository, string? Tag, string? Digest)
{
    public bool IsDigest => Digest is not null;

    /// <summary>The normalised reference text, e.g. docker.io/library/nginx:1.27 or repo@sha256:….</summary>
    public override string ToString() =>
        Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    public static bool TryParse(string text, out ImageReference reference, out string error)
    {
        reference = new ImageReference("", null, null);
        error = "";
        if (HexIdentifier().IsMatch(text))
        {
            error = $"invalid repository name ({text}), cannot specify 64-byte hexadecimal strings";
            return false;
        }

        var (domain, remainder) = SplitDomain(text);
        var tagSeparator = remainder.IndexOf(':');
        var remoteName = tagSeparator >= 0 ? remainder[..tagSeparator] : remainder;
        if (!string.Equals(remoteName, remoteName.ToLowerInvariant(), StringComparison.Ordinal))
        {
            error = $"invalid reference format: repository name ({remoteName}) must be lowercase";
            return false;
        }

        var match = Reference().Match(domain + "/" + remainder);
        if (!match.Success)
        {
            error = "invalid reference format";
            return false;
        }
        var name = match.Groups["name"].Value;
        if (name.Length > 255)
        {
            error = "invalid reference format: repository name must not be more than 255 characters";
            return false;
        }
        var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        var digest = match.Groups["digest"].Success ? match.Groups["digest"].Value : null;
        reference = new ImageReference(name, tag ?? (digest is null ? "latest" : null), digest);
        return true;
    }

    private static (string Domain, string Remainder) SplitDomain(string name)
    {
        var slash = name.IndexOf('/');
        string domain, remainder;
        if (slash < 0 || (name[..slash].IndexOfAny(['.', ':']) < 0 && name[..slash] != "localhost"
                          && name[..slash] == name[..slash].ToLowerInvariant()))
        {
            domain = "docker.io";
            remainder = name;
        }
        else
        {
            domain = name[..slash];
            remainder = name[(slash + 1)..];
        }
        if (domain == "index.docker.io") domain = "docker.io";
        if (domain == "docker.io" && !remainder.Contains('/')) remainder = "library/" + remainder;
        return (domain, remainder);
    }

    [GeneratedRegex("^[a-f0-9]{64}$")]
    private static partial Regex HexIdentifier();

    // Grammar of github.com/distribution/reference: domain/path-components[:tag][@digest].
    [GeneratedRegex(
        @"^(?<name>(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*)"
        + @"(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}))?$")]
    private static partial Regex Reference();
}
