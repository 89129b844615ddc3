using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Hypeman.Emulator.Tests;

public sealed class VolumeTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<HttpResponseMessage> PostArchiveAsync(string query, byte[] body, string contentType = "application/gzip")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return _emulator.Client.PostAsync("/volumes/from-archive" + query, content);
    }

    [Fact]
    public async Task CreateReturnsTheVolumeShape()
    {
        var json = await _emulator.CreateVolumeAsync("data", 10);
        Assert.Matches("^[a-z][a-z0-9]{23}$", json.GetProperty("id").GetString());
        Assert.Equal("data", json.GetProperty("name").GetString());
        Assert.Equal(10, json.GetProperty("size_gb").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", json.GetProperty("created_at").GetString());
        Assert.False(json.TryGetProperty("attachments", out _));
        Assert.Single((await _emulator.GetJsonAsync("/volumes")).EnumerateArray());
    }

    [Fact]
    public async Task CustomIdIsUsedAndADuplicateIsAConflict()
    {
        await _emulator.CreateVolumeAsync("one", id: "vol-data-1");
        using var duplicate = await _emulator.PostJsonAsync("/volumes", new { id = "vol-data-1", name = "two", size_gb = 1 });
        await TestEmulator.AssertErrorAsync(duplicate, HttpStatusCode.Conflict, "already_exists", "volume with this ID already exists");
        Assert.Equal("one", (await _emulator.GetJsonAsync("/volumes/vol-data-1")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ValidationAndImpossibleSizes()
    {
        using var missing = await _emulator.PostJsonAsync("/volumes", new { name = "x" });
        await TestEmulator.AssertErrorAsync(missing, HttpStatusCode.BadRequest, "Bad Request");
        using var zero = await _emulator.PostJsonAsync("/volumes", new { name = "x", size_gb = 0 });
        await TestEmulator.AssertErrorAsync(zero, HttpStatusCode.InternalServerError, "internal_error", "failed to create volume");
    }

    [Fact]
    public async Task TagsAreStoredAndFilterTheList()
    {
        using var tagged = await _emulator.PostJsonAsync("/volumes", new { name = "a", size_gb = 1, tags = new { env = "dev" } });
        Assert.Equal("dev", (await TestEmulator.ReadJsonAsync(tagged)).GetProperty("tags").GetProperty("env").GetString());
        await _emulator.CreateVolumeAsync("b");
        var filtered = await _emulator.GetJsonAsync("/volumes?tags[env]=dev");
        Assert.Equal("a", Assert.Single(filtered.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task DeleteByNameThenItIsGone()
    {
        await _emulator.CreateVolumeAsync("temp");
        using var delete = await _emulator.Client.DeleteAsync("/volumes/temp");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var get = await _emulator.Client.GetAsync("/volumes/temp");
        await TestEmulator.AssertErrorAsync(get, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task FromArchiveReadsARealTarGz()
    {
        var archive = TestEmulator.TarGz(("data/a.txt", 1000), ("data/b.bin", 250_000));
        using var response = await PostArchiveAsync("?name=site&size_gb=2&id=vol-site&tags[env]=dev", archive);
        var json = await TestEmulator.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("vol-site", json.GetProperty("id").GetString());
        Assert.Equal("site", json.GetProperty("name").GetString());
        Assert.Equal(1, json.GetProperty("size_gb").GetInt32()); // content rounded up to whole GiB, not the requested limit
        Assert.Equal("dev", json.GetProperty("tags").GetProperty("env").GetString());

        using var again = await PostArchiveAsync("?name=site&size_gb=2&id=vol-site", archive);
        await TestEmulator.AssertErrorAsync(again, HttpStatusCode.Conflict, "already_exists");
    }

    [Fact]
    public async Task FromArchiveRefusesContentLargerThanTheLimit()
    {
        using var response = await PostArchiveAsync("?name=big&size_gb=1", TarGzWithDeclaredSize("huge.bin", (1L << 30) + 1));
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "archive_too_large",
            "archive content exceeds size limit: would exceed 1073741824 bytes");
        Assert.Equal(0, (await _emulator.GetJsonAsync("/volumes")).GetArrayLength());
    }

    [Fact]
    public async Task FromArchiveWithBrokenOrUnsafeArchivesIsAnInternalError()
    {
        using var notGzip = await PostArchiveAsync("?name=x&size_gb=1", Encoding.ASCII.GetBytes("this is not gzip at all"));
        await TestEmulator.AssertErrorAsync(notGzip, HttpStatusCode.InternalServerError, "internal_error", "failed to create volume");
        using var escaping = await PostArchiveAsync("?name=x&size_gb=1", TestEmulator.TarGz(("../etc/passwd", 10)));
        await TestEmulator.AssertErrorAsync(escaping, HttpStatusCode.InternalServerError, "internal_error");
    }

    [Fact]
    public async Task FromArchiveValidatesParametersAndBody()
    {
        var archive = TestEmulator.TarGz(("f", 1));
        using var noName = await PostArchiveAsync("?size_gb=1", archive);
        await TestEmulator.AssertErrorAsync(noName, HttpStatusCode.BadRequest, "Bad Request", "parameter \"name\" in query has an error: value is required but missing");
        using var badSize = await PostArchiveAsync("?name=x&size_gb=big", archive);
        await TestEmulator.AssertErrorAsync(badSize, HttpStatusCode.BadRequest, "Bad Request", "parameter \"size_gb\" in query has an error: value big: an invalid integer: invalid syntax");
        using var wrongType = await PostArchiveAsync("?name=x&size_gb=1", archive, "application/octet-stream");
        await TestEmulator.AssertErrorAsync(wrongType, HttpStatusCode.BadRequest, "Bad Request", "request body has an error: header Content-Type has unexpected value \"application/octet-stream\"");
        using var empty = await PostArchiveAsync("?name=x&size_gb=1", []);
        await TestEmulator.AssertErrorAsync(empty, HttpStatusCode.BadRequest, "Bad Request", "request body has an error: value is required but missing");
    }

    [Fact]
    public async Task GetOnFromArchiveIsAVolumeLookup()
    {
        using var response = await _emulator.Client.GetAsync("/volumes/from-archive");
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    /// <summary>A gzip of one tar header that declares <paramref name="size"/> bytes (the data is never sent).</summary>
    private static byte[] TarGzWithDeclaredSize(string name, long size)
    {
        var header = new byte[512];
        void Put(int offset, string text) => Encoding.ASCII.GetBytes(text).CopyTo(header, offset);
        Put(0, name);
        Put(100, "0000644\0");
        Put(108, "0000000\0");
        Put(116, "0000000\0");
        Put(124, Convert.ToString(size, 8).PadLeft(11, '0') + "\0");
        Put(136, "00000000000\0");
        Put(156, "0");
        Put(257, "ustar\0");
        Put(263, "00");
        Put(148, "        ");
        var checksum = header.Sum(b => b);
        Put(148, Convert.ToString(checksum, 8).PadLeft(6, '0') + "\0 ");
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(header);
            gzip.Write(new byte[4096]); // a little of the declared data
        }
        return output.ToArray();
    }
}
