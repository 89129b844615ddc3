using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hypeman.Emulator.Tests;

public sealed class LifecycleTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<JsonElement> OkAsync(string instance, string action)
    {
        using var response = await _emulator.ActionAsync(instance, action);
        var json = await TestEmulator.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {json}");
        return json;
    }

    private async Task AssertInvalidStateAsync(string instance, string action, string message)
    {
        using var response = await _emulator.ActionAsync(instance, action);
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.Conflict, "invalid_state", message);
    }

    [Fact]
    public async Task StopThenStartKeepsStoppedAtAndRenewsStartedAt()
    {
        var created = await _emulator.CreateInstanceAsync("vm");
        var stopped = await OkAsync("vm", "stop");
        Assert.Equal("Stopped", stopped.GetProperty("state").GetString());
        Assert.Equal(created.GetProperty("started_at").GetString(), stopped.GetProperty("started_at").GetString());
        var stoppedAt = stopped.GetProperty("stopped_at").GetString();
        Assert.NotNull(stoppedAt);

        await Task.Delay(20);
        var started = await OkAsync("vm", "start");
        Assert.Equal("Running", started.GetProperty("state").GetString());
        Assert.Equal(stoppedAt, started.GetProperty("stopped_at").GetString());
        Assert.True(started.GetProperty("started_at").GetDateTimeOffset() > created.GetProperty("started_at").GetDateTimeOffset());
        Assert.NotEqual(created.GetProperty("network").GetProperty("ip").GetString(), started.GetProperty("network").GetProperty("ip").GetString());
    }

    [Fact]
    public async Task StandbyThenRestoreTracksTheSnapshot()
    {
        await _emulator.CreateInstanceAsync("vm");
        var standby = await OkAsync("vm", "standby");
        Assert.Equal("Standby", standby.GetProperty("state").GetString());
        Assert.True(standby.GetProperty("has_snapshot").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, standby.GetProperty("stopped_at").ValueKind);

        var restored = await OkAsync("vm", "restore");
        Assert.Equal("Running", restored.GetProperty("state").GetString());
        Assert.False(restored.GetProperty("has_snapshot").GetBoolean());
        Assert.Equal(standby.GetProperty("stopped_at").GetString(), restored.GetProperty("stopped_at").GetString());
        Assert.True(restored.GetProperty("phase_durations_ms").TryGetProperty("standby", out _));
    }

    [Fact]
    public async Task WrongStatesGiveTheServersMessages()
    {
        await _emulator.CreateInstanceAsync("vm");
        await AssertInvalidStateAsync("vm", "start", "invalid state transition: cannot start from state Running, must be Stopped");
        await AssertInvalidStateAsync("vm", "restore", "invalid state transition: cannot restore from state Running");
        await OkAsync("vm", "stop");
        await AssertInvalidStateAsync("vm", "stop", "invalid state transition: cannot stop from state Stopped, must be Running or Initializing");
        await AssertInvalidStateAsync("vm", "standby", "invalid state transition: cannot standby from state Stopped");
        await AssertInvalidStateAsync("vm", "restore", "invalid state transition: cannot restore from state Stopped");
        await OkAsync("vm", "start");
        await OkAsync("vm", "standby");
        await AssertInvalidStateAsync("vm", "start", "invalid state transition: cannot start from state Standby, must be Stopped");
        await AssertInvalidStateAsync("vm", "stop", "invalid state transition: cannot stop from state Standby, must be Running or Initializing");
    }

    [Fact]
    public async Task StartNeedsAJsonBodyIn030AndAcceptsOverrides()
    {
        await _emulator.CreateInstanceAsync("vm");
        await OkAsync("vm", "stop");
        using var noBody = await _emulator.Client.PostAsync("/instances/vm/start", null);
        await TestEmulator.AssertErrorAsync(noBody, HttpStatusCode.BadRequest, "Bad Request", "request body has an error: value is required but missing");
        using var badBody = await _emulator.PostRawAsync("/instances/vm/start", "{\"cmd\":\"echo hi\"}");
        await TestEmulator.AssertErrorAsync(badBody, HttpStatusCode.BadRequest, "Bad Request");
        using var ok = await _emulator.PostJsonAsync("/instances/vm/start", new { entrypoint = new[] { "/bin/sh", "-c" }, cmd = new[] { "echo hi" } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task ValidationComesBeforeResolution()
    {
        using var response = await _emulator.Client.PostAsync("/instances/missing/start", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task StandbyBodyIsOptionalButChecked()
    {
        await _emulator.CreateInstanceAsync("vm");
        using var badDelay = await _emulator.PostJsonAsync("/instances/vm/standby", new { compression_delay = "later" });
        await TestEmulator.AssertErrorAsync(badDelay, HttpStatusCode.BadRequest, "invalid_compression_delay");
        using var badLevel = await _emulator.PostJsonAsync("/instances/vm/standby", new { compression = new { enabled = true, algorithm = "lz4", level = 12 } });
        await TestEmulator.AssertErrorAsync(badLevel, HttpStatusCode.BadRequest, "invalid_snapshot_compression", "level must be between 0 and 9 for lz4, got 12");
        using var noBody = await _emulator.Client.PostAsync("/instances/vm/standby", null);
        Assert.Equal(HttpStatusCode.OK, noBody.StatusCode);
    }

    [Fact]
    public async Task DeleteWorksInAnyStateAndDetachesVolumes()
    {
        var volume = (await _emulator.CreateVolumeAsync("data")).GetProperty("id").GetString()!;
        await _emulator.CreateInstanceAsync("vm", new() { ["volumes"] = new[] { new { volume_id = volume, mount_path = "/data" } } });
        await OkAsync("vm", "standby");
        using var deleteVolume = await _emulator.Client.DeleteAsync("/volumes/" + volume);
        await TestEmulator.AssertErrorAsync(deleteVolume, HttpStatusCode.Conflict, "conflict", "volume is in use by an instance");

        using var delete = await _emulator.Client.DeleteAsync("/instances/vm");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("", await delete.Content.ReadAsStringAsync());
        using var gone = await _emulator.Client.GetAsync("/instances/vm");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False((await _emulator.GetJsonAsync("/volumes/" + volume)).TryGetProperty("attachments", out _));
        using var deleteAgain = await _emulator.Client.DeleteAsync("/volumes/" + volume);
        Assert.Equal(HttpStatusCode.NoContent, deleteAgain.StatusCode);
    }

    [Fact]
    public async Task BootDelayShowsInitializingThenRunning()
    {
        await using var slow = await TestEmulator.StartAsync(o => o with { BootDelayMs = 400 });
        var created = await slow.CreateInstanceAsync("vm");
        Assert.Equal("Initializing", created.GetProperty("state").GetString());
        using var standby = await slow.ActionAsync("vm", "standby");
        await TestEmulator.AssertErrorAsync(standby, HttpStatusCode.Conflict, "invalid_state", "invalid state transition: cannot standby from state Initializing");
        await Task.Delay(600);
        var later = await slow.GetJsonAsync("/instances/vm");
        Assert.Equal("Running", later.GetProperty("state").GetString());
        Assert.True(later.GetProperty("phase_durations_ms").GetProperty("initializing").GetInt64() >= 350);
    }

    [Fact]
    public async Task StopIsAllowedWhileInitializing()
    {
        await using var slow = await TestEmulator.StartAsync(o => o with { BootDelayMs = 5000 });
        await slow.CreateInstanceAsync("vm");
        using var stop = await slow.ActionAsync("vm", "stop");
        Assert.Equal("Stopped", (await stop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task StateAndTagFiltersAreAnded()
    {
        await _emulator.CreateInstanceAsync("a", new() { ["tags"] = new Dictionary<string, string> { ["env"] = "dev", ["team"] = "x" } });
        await _emulator.CreateInstanceAsync("b", new() { ["tags"] = new Dictionary<string, string> { ["env"] = "dev", ["team"] = "y" } });
        await _emulator.CreateInstanceAsync("c", new() { ["tags"] = new Dictionary<string, string> { ["env"] = "prod" } });
        await OkAsync("b", "stop");

        async Task<string[]> NamesAsync(string query) =>
            (await _emulator.GetJsonAsync("/instances" + query)).EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order().ToArray();

        Assert.Equal(["a", "b"], await NamesAsync("?tags[env]=dev"));
        Assert.Equal(["a"], await NamesAsync("?tags%5Benv%5D=dev&tags%5Bteam%5D=x"));
        Assert.Equal(["b"], await NamesAsync("?state=Stopped&tags[env]=dev"));
        Assert.Equal(["a", "c"], await NamesAsync("?state=Running"));
        Assert.Empty(await NamesAsync("?tags[env]=qa"));
        using var badState = await _emulator.Client.GetAsync("/instances?state=Sleeping");
        var error = await TestEmulator.ReadJsonAsync(badState);
        Assert.StartsWith("parameter \"state\" in query has an error: value is not one of the allowed values", error.GetProperty("message").GetString());
    }
}
