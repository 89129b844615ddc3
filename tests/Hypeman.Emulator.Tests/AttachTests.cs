using System.Net;
using System.Text.Json;

namespace Hypeman.Emulator.Tests;

public sealed class AttachTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<HttpResponseMessage> AttachAsync(string instance, string volume, string mountPath, bool readOnly = false) =>
        _emulator.PostJsonAsync($"/instances/{instance}/volumes/{volume}", new { mount_path = mountPath, @readonly = readOnly });

    [Fact]
    public async Task AttachByNamesUpdatesBothSides()
    {
        var instance = await _emulator.CreateInstanceAsync("vm");
        var volume = await _emulator.CreateVolumeAsync("data");
        using var response = await AttachAsync("vm", "data", "/data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await TestEmulator.ReadJsonAsync(response);
        var mount = Assert.Single(json.GetProperty("volumes").EnumerateArray());
        Assert.Equal(volume.GetProperty("id").GetString(), mount.GetProperty("volume_id").GetString());
        Assert.Equal("/data", mount.GetProperty("mount_path").GetString());

        var attachment = Assert.Single((await _emulator.GetJsonAsync("/volumes/data")).GetProperty("attachments").EnumerateArray());
        Assert.Equal(instance.GetProperty("id").GetString(), attachment.GetProperty("instance_id").GetString());
        Assert.False(attachment.GetProperty("readonly").GetBoolean());
    }

    [Fact]
    public async Task AttachingTwiceAndSharingRulesAreConflicts()
    {
        await _emulator.CreateInstanceAsync("a");
        await _emulator.CreateInstanceAsync("b");
        await _emulator.CreateInstanceAsync("c");
        await _emulator.CreateVolumeAsync("ro");
        await _emulator.CreateVolumeAsync("rw");

        Assert.Equal(HttpStatusCode.OK, (await AttachAsync("a", "ro", "/ro", readOnly: true)).StatusCode);
        using var twice = await AttachAsync("a", "ro", "/again", readOnly: true);
        await TestEmulator.AssertErrorAsync(twice, HttpStatusCode.Conflict, "conflict", "volume already attached to instance");
        Assert.Equal(HttpStatusCode.OK, (await AttachAsync("b", "ro", "/ro", readOnly: true)).StatusCode);
        using var writerOnShared = await AttachAsync("c", "ro", "/ro");
        await TestEmulator.AssertErrorAsync(writerOnShared, HttpStatusCode.Conflict, "conflict");

        Assert.Equal(HttpStatusCode.OK, (await AttachAsync("a", "rw", "/rw")).StatusCode);
        using var readerOnExclusive = await AttachAsync("b", "rw", "/rw", readOnly: true);
        await TestEmulator.AssertErrorAsync(readerOnExclusive, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task MissingThingsAre404AndBadInputIs400()
    {
        await _emulator.CreateInstanceAsync("vm");
        await _emulator.CreateVolumeAsync("data");
        using var noVolume = await AttachAsync("vm", "nothing", "/x");
        await TestEmulator.AssertErrorAsync(noVolume, HttpStatusCode.NotFound, "not_found");
        using var noInstance = await AttachAsync("nobody", "data", "/x");
        await TestEmulator.AssertErrorAsync(noInstance, HttpStatusCode.NotFound, "not_found");
        using var noMountPath = await _emulator.PostJsonAsync("/instances/vm/volumes/data", new { @readonly = true });
        var error = await TestEmulator.ReadJsonAsync(noMountPath);
        Assert.Equal(HttpStatusCode.BadRequest, noMountPath.StatusCode);
        Assert.Contains("property \"mount_path\" is missing", error.GetProperty("message").GetString());
        using var systemDir = await AttachAsync("vm", "data", "/etc");
        await TestEmulator.AssertErrorAsync(systemDir, HttpStatusCode.BadRequest, "invalid_mount_path");
        using var relative = await AttachAsync("vm", "data", "data");
        await TestEmulator.AssertErrorAsync(relative, HttpStatusCode.BadRequest, "invalid_mount_path");
    }

    [Fact]
    public async Task DetachWorksInAnyStateAndFreesTheVolume()
    {
        var volume = (await _emulator.CreateVolumeAsync("data")).GetProperty("id").GetString()!;
        await _emulator.CreateInstanceAsync("vm", new() { ["volumes"] = new[] { new { volume_id = volume, mount_path = "/data" } } });
        await _emulator.ActionAsync("vm", "stop");

        using var detach = await _emulator.Client.DeleteAsync("/instances/vm/volumes/data");
        Assert.Equal(HttpStatusCode.OK, detach.StatusCode);
        var json = await TestEmulator.ReadJsonAsync(detach);
        Assert.False(json.TryGetProperty("volumes", out _));
        Assert.Equal("Stopped", json.GetProperty("state").GetString());

        using var again = await _emulator.Client.DeleteAsync("/instances/vm/volumes/data");
        await TestEmulator.AssertErrorAsync(again, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await _emulator.Client.DeleteAsync("/volumes/data")).StatusCode);
    }

    [Fact]
    public async Task AttachToAStoppedInstanceIsAllowed()
    {
        await _emulator.CreateInstanceAsync("vm");
        await _emulator.ActionAsync("vm", "standby");
        await _emulator.CreateVolumeAsync("data");
        using var response = await AttachAsync("vm", "data", "/data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Standby", (await TestEmulator.ReadJsonAsync(response)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task NotImplementedModeAnswersLikeTodaysServer()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o with { VolumeOps = VolumeOpsMode.NotImplemented });
        await emulator.CreateInstanceAsync("vm");
        await emulator.CreateVolumeAsync("data");

        using var attach = await emulator.PostJsonAsync("/instances/vm/volumes/data", new { mount_path = "/data" });
        await TestEmulator.AssertErrorAsync(attach, HttpStatusCode.InternalServerError, "not_implemented", "volume attachment not yet implemented");
        // The volume is not even resolved.
        using var detach = await emulator.Client.DeleteAsync("/instances/vm/volumes/no-such-volume");
        await TestEmulator.AssertErrorAsync(detach, HttpStatusCode.InternalServerError, "not_implemented", "volume detachment not yet implemented");
        // The instance is, and the body is still validated first.
        using var noInstance = await emulator.Client.DeleteAsync("/instances/nobody/volumes/data");
        await TestEmulator.AssertErrorAsync(noInstance, HttpStatusCode.NotFound, "not_found");
        using var noBody = await emulator.Client.PostAsync("/instances/vm/volumes/data", null);
        await TestEmulator.AssertErrorAsync(noBody, HttpStatusCode.BadRequest, "Bad Request");
    }

    [Fact]
    public async Task TheModeCanBeSwitchedAtRunTime()
    {
        await _emulator.CreateInstanceAsync("vm");
        await _emulator.CreateVolumeAsync("data");
        using var settings = await _emulator.AdminPostAsync("settings", new { volume_ops = "not-implemented" });
        Assert.Equal("not-implemented", (await TestEmulator.ReadJsonAsync(settings)).GetProperty("volume_ops").GetString());
        using var attach = await AttachAsync("vm", "data", "/data");
        await TestEmulator.AssertErrorAsync(attach, HttpStatusCode.InternalServerError, "not_implemented");

        await _emulator.AdminPostAsync("settings", new { volume_ops = "spec" });
        using var attachAgain = await AttachAsync("vm", "data", "/data");
        Assert.Equal(HttpStatusCode.OK, attachAgain.StatusCode);
    }
}
