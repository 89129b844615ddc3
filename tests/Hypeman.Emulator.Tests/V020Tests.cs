using System.Net;
using System.Net.Http.Headers;

namespace Hypeman.Emulator.Tests;

/// <summary>--api-version 0.2.0: where the older server differs.</summary>
public sealed class V020Tests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync(o => o with { ApiVersion = ApiVersion.V020 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("/capabilities")]
    [InlineData("/instances/vm/wait?state=Running")]
    [InlineData("/snapshots")]
    public async Task RoutesAddedIn030Do404AsText(string path)
    {
        await _emulator.CreateInstanceAsync("vm");
        using var response = await _emulator.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 page not found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FromArchiveFallsOnTheVolumeItemRouteAnd405s()
    {
        var content = new ByteArrayContent(TestEmulator.TarGz(("f", 1)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        using var response = await _emulator.Client.PostAsync("/volumes/from-archive?name=x&size_gb=1", content);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    private static MultipartFormDataContent Form(params (string Name, HttpContent Content)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in parts)
        {
            if (content is ByteArrayContent and not StringContent) form.Add(content, name, "content.tar.gz");
            else form.Add(content, name);
        }
        return form;
    }

    [Fact]
    public async Task MultipartVolumeCreateReadsFieldsInOrder()
    {
        var archive = new ByteArrayContent(TestEmulator.TarGz(("data/x", 100)));
        using var ok = await _emulator.Client.PostAsync("/volumes", Form(("name", new StringContent("site")), ("size_gb", new StringContent("2")), ("content", archive)));
        var json = await TestEmulator.ReadJsonAsync(ok);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(1, json.GetProperty("size_gb").GetInt32());

        using var contentFirst = await _emulator.Client.PostAsync("/volumes", Form(
            ("content", new ByteArrayContent(TestEmulator.TarGz(("x", 1)))), ("name", new StringContent("late")), ("size_gb", new StringContent("1"))));
        await TestEmulator.AssertErrorAsync(contentFirst, HttpStatusCode.BadRequest, "missing_field", "name is required");

        using var zero = await _emulator.Client.PostAsync("/volumes", Form(
            ("name", new StringContent("z")), ("size_gb", new StringContent("0")), ("content", new ByteArrayContent(TestEmulator.TarGz(("x", 1))))));
        await TestEmulator.AssertErrorAsync(zero, HttpStatusCode.BadRequest, "invalid_field", "size_gb must be a positive integer");

        using var noContent = await _emulator.Client.PostAsync("/volumes", Form(("name", new StringContent("n")), ("size_gb", new StringContent("1"))));
        await TestEmulator.AssertErrorAsync(noContent, HttpStatusCode.BadRequest, "Bad Request");
    }

    [Fact]
    public async Task InstancesLackThe030FieldsAndHaveTheOldHotplugDefault()
    {
        var json = await _emulator.CreateInstanceAsync("vm", new() { ["tags"] = new Dictionary<string, string> { ["a"] = "b" } });
        foreach (var name in new[] { "expires_at", "tags", "platform", "exit_code", "phase_durations_ms", "current_phase" })
            Assert.False(json.TryGetProperty(name, out _), name + " is 0.3.0 only");
        Assert.Equal("3.0 GB", json.GetProperty("hotplug_size").GetString());
        Assert.True(json.TryGetProperty("state_error", out _));
    }

    [Fact]
    public async Task FiltersAreIgnoredAndStartNeedsNoBody()
    {
        await _emulator.CreateInstanceAsync("a");
        await _emulator.CreateInstanceAsync("b");
        Assert.Equal(2, (await _emulator.GetJsonAsync("/instances?tags[x]=y&state=Stopped")).GetArrayLength());
        using var stop = await _emulator.ActionAsync("a", "stop");
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        using var start = await _emulator.Client.PostAsync("/instances/a/start", null);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
    }

    [Fact]
    public async Task StopMessageAndCreateErrorsAreThe020Ones()
    {
        await _emulator.CreateInstanceAsync("vm");
        await _emulator.ActionAsync("vm", "stop");
        using var stop = await _emulator.ActionAsync("vm", "stop");
        await TestEmulator.AssertErrorAsync(stop, HttpStatusCode.Conflict, "invalid_state", "invalid state transition: cannot stop from state Stopped, must be Running");
        using var missingImage = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "redis:7" });
        await TestEmulator.AssertErrorAsync(missingImage, HttpStatusCode.InternalServerError, "internal_error", "failed to create instance");
        using var newHypervisor = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "alpine", hypervisor = "firecracker" });
        await TestEmulator.AssertErrorAsync(newHypervisor, HttpStatusCode.BadRequest, "Bad Request");
    }

    [Fact]
    public async Task BootingInstancesReportCreated()
    {
        await using var slow = await TestEmulator.StartAsync(o => o with { ApiVersion = ApiVersion.V020, BootDelayMs = 5000 });
        var json = await slow.CreateInstanceAsync("vm");
        Assert.Equal("Created", json.GetProperty("state").GetString()); // 0.2.0 has no Initializing
    }
}
