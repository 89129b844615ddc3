using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Hypeman.Emulator.Tests;

public sealed class WaitTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task ReturnsAtOnceWhenTheStateIsAlreadyThere()
    {
        await _emulator.CreateInstanceAsync("vm");
        var json = await _emulator.GetJsonAsync("/instances/vm/wait?state=Running");
        Assert.Equal("Running", json.GetProperty("state").GetString());
        Assert.False(json.GetProperty("timed_out").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("state_error").ValueKind);
    }

    [Fact]
    public async Task ReturnsAsSoonAsABootFinishes()
    {
        await using var slow = await TestEmulator.StartAsync(o => o with { BootDelayMs = 300 });
        await slow.CreateInstanceAsync("vm");
        var watch = Stopwatch.StartNew();
        var json = await slow.GetJsonAsync("/instances/vm/wait?state=Running&timeout=10s");
        Assert.Equal("Running", json.GetProperty("state").GetString());
        Assert.False(json.GetProperty("timed_out").GetBoolean());
        Assert.InRange(watch.ElapsedMilliseconds, 150, 3000);
    }

    [Fact]
    public async Task TimesOutWithTheCurrentState()
    {
        await _emulator.CreateInstanceAsync("vm");
        var watch = Stopwatch.StartNew();
        var json = await _emulator.GetJsonAsync("/instances/vm/wait?state=Stopped&timeout=250ms");
        Assert.Equal("Running", json.GetProperty("state").GetString());
        Assert.True(json.GetProperty("timed_out").GetBoolean());
        Assert.InRange(watch.ElapsedMilliseconds, 200, 3000);
    }

    [Fact]
    public async Task StopsEarlyInAStateThatWillNotChangeByItself()
    {
        await _emulator.CreateInstanceAsync("vm");
        await _emulator.ActionAsync("vm", "stop");
        var watch = Stopwatch.StartNew();
        var json = await _emulator.GetJsonAsync("/instances/vm/wait?state=Running&timeout=30s");
        Assert.Equal("Stopped", json.GetProperty("state").GetString());
        Assert.False(json.GetProperty("timed_out").GetBoolean());
        Assert.True(watch.ElapsedMilliseconds < 2000);
    }

    [Fact]
    public async Task SeesAChangeMadeByAnotherRequest()
    {
        await _emulator.CreateInstanceAsync("vm");
        var wait = _emulator.GetJsonAsync("/instances/vm/wait?state=Standby&timeout=10s");
        await Task.Delay(100);
        await _emulator.ActionAsync("vm", "standby");
        var json = await wait;
        Assert.Equal("Standby", json.GetProperty("state").GetString());
        Assert.False(json.GetProperty("timed_out").GetBoolean());
    }

    [Fact]
    public async Task DeletionWhileWaitingIs404()
    {
        await _emulator.CreateInstanceAsync("vm");
        var wait = _emulator.Client.GetAsync("/instances/vm/wait?state=Stopped&timeout=10s");
        await WaitUntilLoggedAsync("/instances/vm/wait"); // the wait must have resolved the instance first
        await Task.Delay(100);
        await _emulator.Client.DeleteAsync("/instances/vm");
        using var response = await wait;
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found", "instance was deleted while waiting");
    }

    private async Task WaitUntilLoggedAsync(string path)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var log = await TestEmulator.ReadJsonAsync(await _emulator.Anonymous.GetAsync("/_emulator/requests"));
            if (log.EnumerateArray().Any(e => e.GetProperty("path").GetString() == path)) return;
            await Task.Delay(20);
        }
        Assert.Fail($"{path} never reached the emulator");
    }

    [Theory]
    [InlineData("?state=Running&timeout=abc", "invalid_timeout", "invalid timeout format: time: invalid duration \"abc\"")]
    [InlineData("?state=Running&timeout=5", "invalid_timeout", "invalid timeout format: time: missing unit in duration \"5\"")]
    [InlineData("?state=Running&timeout=-1s", "invalid_timeout", "timeout must be positive")]
    [InlineData("?state=Unknown", "invalid_state", "invalid target state: Unknown")]
    [InlineData("", "Bad Request", "parameter \"state\" in query has an error: value is required but missing")]
    public async Task BadParametersAre400(string query, string code, string message)
    {
        await _emulator.CreateInstanceAsync("vm");
        using var response = await _emulator.Client.GetAsync("/instances/vm/wait" + query);
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, code, message);
    }

    [Fact]
    public async Task UnknownInstanceIs404()
    {
        using var response = await _emulator.Client.GetAsync("/instances/ghost/wait?state=Running");
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found", "resource not found");
    }

    [Fact]
    public async Task EndsPromptlyWhenTheClientDisconnects()
    {
        await _emulator.CreateInstanceAsync("vm");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _emulator.Client.GetAsync("/instances/vm/wait?state=Stopped&timeout=60s", cancel.Token));

        // The server's log marks the request finished (and aborted) long before the 60 s timeout.
        var watch = Stopwatch.StartNew();
        JsonElement entry;
        do
        {
            await Task.Delay(50);
            var log = await TestEmulator.ReadJsonAsync(await _emulator.Anonymous.GetAsync("/_emulator/requests"));
            entry = log.EnumerateArray().Single(e => e.GetProperty("path").GetString() == "/instances/vm/wait");
        } while (entry.GetProperty("status").ValueKind == JsonValueKind.Null && watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("status").ValueKind);
        Assert.True(entry.GetProperty("aborted").GetBoolean());
    }
}
