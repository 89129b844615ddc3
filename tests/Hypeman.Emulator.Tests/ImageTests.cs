using System.Net;
using System.Text.Json;

namespace Hypeman.Emulator.Tests;

public sealed class ImageTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task DefaultImagesAreReadyAndNormalised()
    {
        var list = await _emulator.GetJsonAsync("/images");
        Assert.Equal(["docker.io/library/alpine:latest", "docker.io/library/busybox:latest", "docker.io/library/nginx:latest"],
            list.EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray());
        var nginx = await _emulator.GetJsonAsync("/images/nginx");
        Assert.Equal("ready", nginx.GetProperty("status").GetString());
        Assert.StartsWith("sha256:", nginx.GetProperty("digest").GetString());
        Assert.True(nginx.GetProperty("size_bytes").GetInt64() > 0);
        Assert.Equal("/docker-entrypoint.sh", nginx.GetProperty("entrypoint")[0].GetString());
        Assert.Equal(JsonValueKind.Null, nginx.GetProperty("queue_position").ValueKind);
    }

    [Fact]
    public async Task EscapedFullNamesAreDecoded()
    {
        var json = await _emulator.GetJsonAsync("/images/docker.io%2Flibrary%2Falpine%3Alatest");
        Assert.Equal("docker.io/library/alpine:latest", json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task APullIsPendingThenReadyAndItsTagAppearsOnlyThen()
    {
        using var pull = await _emulator.PostJsonAsync("/images", new { name = "redis:7" });
        Assert.Equal(HttpStatusCode.Accepted, pull.StatusCode);
        var pending = await TestEmulator.ReadJsonAsync(pull);
        Assert.Equal("docker.io/library/redis:7", pending.GetProperty("name").GetString());
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("size_bytes").ValueKind);

        using var byTag = await _emulator.Client.GetAsync("/images/redis:7");
        await TestEmulator.AssertErrorAsync(byTag, HttpStatusCode.NotFound, "not_found");
        var digest = pending.GetProperty("digest").GetString();
        var byDigest = await _emulator.GetJsonAsync("/images/" + Uri.EscapeDataString("docker.io/library/redis@" + digest));
        Assert.NotEqual("ready", byDigest.GetProperty("status").GetString());

        HttpResponseMessage? ready = null;
        for (var attempt = 0; attempt < 100 && ready?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(100);
            ready = await _emulator.Client.GetAsync("/images/redis:7");
        }
        Assert.Equal("ready", (await TestEmulator.ReadJsonAsync(ready!)).GetProperty("status").GetString());
        Assert.Equal(4, (await _emulator.GetJsonAsync("/images")).GetArrayLength());
        await _emulator.CreateInstanceAsync("cache", new() { ["image"] = "redis:7" });
    }

    [Fact]
    public async Task InvalidNamesAre400()
    {
        using var pull = await _emulator.PostJsonAsync("/images", new { name = "Bad Name" });
        await TestEmulator.AssertErrorAsync(pull, HttpStatusCode.BadRequest, "invalid_name");
        using var get = await _emulator.Client.GetAsync("/images/UPPER");
        await TestEmulator.AssertErrorAsync(get, HttpStatusCode.BadRequest, "invalid_name", "invalid image reference");
    }

    [Fact]
    public async Task DeleteRemovesTheTag()
    {
        using var delete = await _emulator.Client.DeleteAsync("/images/nginx");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var get = await _emulator.Client.GetAsync("/images/nginx");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        using var create = await _emulator.PostJsonAsync("/instances", new { name = "web", image = "nginx" });
        await TestEmulator.AssertErrorAsync(create, HttpStatusCode.NotFound, "not_found");

        using var repull = await _emulator.PostJsonAsync("/images", new { name = "nginx" });
        Assert.Equal("ready", (await TestEmulator.ReadJsonAsync(repull)).GetProperty("status").GetString()); // the digest data stayed
    }
}
