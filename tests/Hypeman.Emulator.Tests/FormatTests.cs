using Hypeman.Emulator.Formats;

namespace Hypeman.Emulator.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData(1L << 30, "1024.0 MB")]
    [InlineData(3L << 30, "3.0 GB")]
    [InlineData(10L << 30, "10.0 GB")]
    [InlineData(512L << 20, "512.0 MB")]
    [InlineData(1024, "1024 B")]
    [InlineData(0, "0 B")]
    [InlineData(1342177280, "1.2 GB")] // 1.25 GiB: Go rounds half to even
    [InlineData(1610612736, "1.5 GB")]
    public void HumanReadableSizesMatchGoDatasize(long bytes, string expected) => Assert.Equal(expected, ByteSize.Format(bytes));

    [Theory]
    [InlineData("1GB", 1L << 30)]
    [InlineData("2G", 2L << 30)]
    [InlineData("512mb", 512L << 20)]
    [InlineData("100", 100)]
    [InlineData("1 KB", 1024)]
    public void SizesParseWithBinaryUnits(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var bytes, out _));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("1.5GB")]
    [InlineData(" 1GB")]
    [InlineData("GB")]
    [InlineData("1Gb")]
    [InlineData("1 parsec")]
    public void BadSizesAreRejected(string text) => Assert.False(ByteSize.TryParse(text, out _, out _));

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("300ms", 300)]
    [InlineData("0", 0)]
    [InlineData("-2s", -2_000)]
    public void GoDurationsParse(string text, long milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(milliseconds, (long)duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("5", "time: missing unit in duration \"5\"")]
    [InlineData("5d", "time: unknown unit \"d\" in duration \"5d\"")]
    [InlineData("abc", "time: invalid duration \"abc\"")]
    [InlineData("", "time: invalid duration \"\"")]
    public void BadDurationsHaveGoMessages(string text, string message)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("alpine", "docker.io/library/alpine:latest")]
    [InlineData("nginx:1.27", "docker.io/library/nginx:1.27")]
    [InlineData("kernel/app", "docker.io/kernel/app:latest")]
    [InlineData("ghcr.io/org/app:v1", "ghcr.io/org/app:v1")]
    [InlineData("localhost:5000/app", "localhost:5000/app:latest")]
    [InlineData("index.docker.io/library/redis", "docker.io/library/redis:latest")]
    public void ImageReferencesAreNormalised(string text, string expected)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out var error), error);
        Assert.Equal(expected, reference.ToString());
    }

    [Fact]
    public void DigestReferencesKeepTheirDigestAndGetNoTag()
    {
        var digest = "sha256:" + new string('a', 64);
        Assert.True(ImageReference.TryParse("nginx@" + digest, out var reference, out _));
        Assert.True(reference.IsDigest);
        Assert.Equal("docker.io/library/nginx@" + digest, reference.ToString());
    }

    [Theory]
    [InlineData("Alpine")]
    [InlineData("bad name")]
    [InlineData("nginx:")]
    [InlineData("")]
    public void InvalidImageReferencesFail(string text) => Assert.False(ImageReference.TryParse(text, out _, out _));

    [Theory]
    [InlineData("/data", null)]
    [InlineData("/mnt/../etc", "cannot mount to system directory \"/etc\"")]
    [InlineData("/var/lib/x", "cannot mount to system directory \"/var/lib/x\"")]
    [InlineData("/variable", null)]
    [InlineData("data", "mount path \"data\" must be absolute")]
    public void MountPathRules(string path, string? problem) => Assert.Equal(problem, MountPaths.Check(path));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(1L << 30, 1)]
    [InlineData((1L << 30) + 1, 2)]
    public void ArchiveVolumesAreRoundedUpToWholeGiB(long bytes, int sizeGb) => Assert.Equal(sizeGb, TarGzArchive.SizeGbFor(bytes));

    [Theory]
    [InlineData("1Gbps", 125_000_000)]
    [InlineData("100Mbps", 12_500_000)]
    [InlineData("125MB/s", 125L << 20)]
    public void BandwidthParsesBitsAndBytes(string text, long bytesPerSecond)
    {
        Assert.True(Bandwidth.TryParse(text, out var value, out _));
        Assert.Equal(bytesPerSecond, value);
    }
}
