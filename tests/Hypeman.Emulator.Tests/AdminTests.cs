using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hypeman.Emulator.Tests;

public sealed class AdminTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync(o => o with { Seed = "demo" });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<JsonElement> RequestsAsync() => await TestEmulator.ReadJsonAsync(await _emulator.Anonymous.GetAsync("/_emulator/requests"));

    [Fact]
    public async Task TheRequestLogRecordsWhatWasSentButNeverTheToken()
    {
        await _emulator.PostJsonAsync("/instances", new { name = "logged", image = "alpine" });
        await _emulator.Anonymous.GetAsync("/instances?state=Running");

        var text = await _emulator.Anonymous.GetStringAsync("/_emulator/requests");
        Assert.DoesNotContain(_emulator.Token, text);
        var log = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, log.GetArrayLength()); // admin requests are not logged
        var post = log[0];
        Assert.Equal("POST", post.GetProperty("method").GetString());
        Assert.Equal("/instances", post.GetProperty("path").GetString());
        Assert.True(post.GetProperty("has_authorization").GetBoolean());
        Assert.StartsWith("application/json", post.GetProperty("content_type").GetString());
        Assert.Contains("\"logged\"", post.GetProperty("body").GetString());
        Assert.Equal(201, post.GetProperty("status").GetInt32());
        var get = log[1];
        Assert.Equal("state=Running", get.GetProperty("query").GetString());
        Assert.False(get.GetProperty("has_authorization").GetBoolean());
        Assert.Equal(401, get.GetProperty("status").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await _emulator.Anonymous.DeleteAsync("/_emulator/requests")).StatusCode);
        Assert.Equal(0, (await RequestsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task FaultsReplaceTheNextMatchingResponses()
    {
        using var queued = await _emulator.AdminPostAsync("faults", new
        {
            method = "GET", path = "/instances", status = 503, count = 2,
            headers = new Dictionary<string, string> { ["Retry-After"] = "0" },
            body = "{\"code\":\"unavailable\",\"message\":\"try again\"}",
        });
        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);

        using var other = await _emulator.Client.GetAsync("/volumes"); // does not match
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        for (var i = 0; i < 2; i++)
        {
            using var faulted = await _emulator.Client.GetAsync("/instances");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
            Assert.Equal("0", faulted.Headers.GetValues("Retry-After").Single());
            await TestEmulator.AssertErrorAsync(faulted, HttpStatusCode.ServiceUnavailable, "unavailable", "try again");
        }
        using var normal = await _emulator.Client.GetAsync("/instances");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);

        var log = await RequestsAsync();
        Assert.Equal([false, true, true, false], log.EnumerateArray().Select(e => e.GetProperty("faulted").GetBoolean()).ToArray());
        Assert.Equal(503, log[1].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WildcardFaultsMatchAnyMethodUnderAPrefix()
    {
        await _emulator.AdminPostAsync("faults", new { path = "/instances/*", status = 502, count = 1 });
        using var faulted = await _emulator.ActionAsync("web-1", "stop");
        Assert.Equal(HttpStatusCode.BadGateway, faulted.StatusCode);
        Assert.Equal("Running", (await _emulator.GetJsonAsync("/instances/web-1")).GetProperty("state").GetString()); // never reached the handler
    }

    [Fact]
    public async Task ADelayOnlyFaultHangsThenAnswersNormally()
    {
        await _emulator.AdminPostAsync("faults", new { method = "GET", path = "/volumes", delay_ms = 300 });
        var watch = Stopwatch.StartNew();
        using var response = await _emulator.Client.GetAsync("/volumes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task FaultsCanBeListedClearedAndAreValidated()
    {
        await _emulator.AdminPostAsync("faults", new[] { new { path = "/a", status = 500 }, new { path = "/b", status = 429 } });
        Assert.Equal(2, (await TestEmulator.ReadJsonAsync(await _emulator.Anonymous.GetAsync("/_emulator/faults"))).GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await _emulator.Anonymous.DeleteAsync("/_emulator/faults")).StatusCode);
        Assert.Equal(0, (await TestEmulator.ReadJsonAsync(await _emulator.Anonymous.GetAsync("/_emulator/faults"))).GetArrayLength());

        using var invalid = await _emulator.AdminPostAsync("faults", new { path = "/a" });
        await TestEmulator.AssertErrorAsync(invalid, HttpStatusCode.BadRequest, "invalid_fault");
    }

    [Fact]
    public async Task ResetRestoresTheSeedAndClearsEverything()
    {
        Assert.Equal(4, (await _emulator.GetJsonAsync("/instances")).GetArrayLength());
        await _emulator.CreateInstanceAsync("extra");
        await _emulator.Client.DeleteAsync("/instances/web-1");
        await _emulator.AdminPostAsync("faults", new { path = "/x", status = 500 });
        await _emulator.AdminPostAsync("settings", new { boot_delay_ms = 999 });

        Assert.Equal(HttpStatusCode.NoContent, (await _emulator.Anonymous.PostAsync("/_emulator/reset", null)).StatusCode);

        Assert.Equal(0, (await RequestsAsync()).GetArrayLength());
        Assert.Equal(0, (await TestEmulator.ReadJsonAsync(await _emulator.Anonymous.GetAsync("/_emulator/faults"))).GetArrayLength());
        Assert.Equal(0, (await TestEmulator.ReadJsonAsync(await _emulator.Anonymous.GetAsync("/_emulator/settings"))).GetProperty("boot_delay_ms").GetInt32());
        var names = (await _emulator.GetJsonAsync("/instances")).EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order().ToArray();
        Assert.Equal(["api", "web-1", "web-2", "worker"], names);
    }

    [Fact]
    public async Task TheDemoSeedHasStatesVolumesAndTags()
    {
        var instances = (await _emulator.GetJsonAsync("/instances")).EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        Assert.Equal("Running", instances["web-1"].GetProperty("state").GetString());
        Assert.Equal("Stopped", instances["web-2"].GetProperty("state").GetString());
        Assert.Equal("Standby", instances["worker"].GetProperty("state").GetString());
        Assert.Equal("web", instances["web-1"].GetProperty("tags").GetProperty("app").GetString());
        var logs = await _emulator.GetJsonAsync("/volumes/logs");
        Assert.Equal(2, logs.GetProperty("attachments").GetArrayLength());
        Assert.Equal(3, (await _emulator.GetJsonAsync("/volumes")).GetArrayLength());
    }

    [Fact]
    public async Task LatencyDelaysEveryApiResponse()
    {
        using var settings = await _emulator.AdminPostAsync("settings", new { latency_ms = 250 });
        Assert.Equal(250, (await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("latency_ms").GetInt32());
        var watch = Stopwatch.StartNew();
        await _emulator.Anonymous.GetAsync("/health");
        Assert.True(watch.ElapsedMilliseconds >= 230, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task BadSettingsChangeNothing()
    {
        using var response = await _emulator.AdminPostAsync("settings", new { boot_delay_ms = 100, volume_ops = "maybe" });
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_settings");
        Assert.Equal(0, (await TestEmulator.ReadJsonAsync(await _emulator.Anonymous.GetAsync("/_emulator/settings"))).GetProperty("boot_delay_ms").GetInt32());
    }
}
