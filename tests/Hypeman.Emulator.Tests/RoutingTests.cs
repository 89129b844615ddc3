using System.Net;

namespace Hypeman.Emulator.Tests;

public sealed class RoutingTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("/nope")]
    [InlineData("/instances/")]
    [InlineData("/Instances")]
    [InlineData("/instances/a/b/c/d")]
    public async Task UnknownPathsGetChisPlainText404(string path)
    {
        using var response = await _emulator.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("404 page not found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task KnownPathWithAnotherMethodIs405WithEmptyBody()
    {
        using var response = await _emulator.Client.PutAsync("/instances", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        using var unauthenticated = await _emulator.Anonymous.DeleteAsync("/volumes");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, unauthenticated.StatusCode); // routing before auth
    }

    [Fact]
    public async Task CapabilitiesHaveTheSpecShape()
    {
        var json = await _emulator.GetJsonAsync("/capabilities");
        Assert.Equal("0.3.0", json.GetProperty("server").GetProperty("api_version").GetString());
        Assert.Equal("cloud-hypervisor", json.GetProperty("default_runtime").GetProperty("name").GetString());
        Assert.Contains(json.GetProperty("runtimes").EnumerateArray(), r => r.GetProperty("name").GetString() == "qemu");
        Assert.Contains(json.GetProperty("features").EnumerateArray(), f => f.GetString() == "volumes");
        Assert.Equal("bridge", json.GetProperty("network").GetProperty("model").GetString());
    }

    [Fact]
    public async Task ResourcesCountRunningInstancesAndAlwaysCarryGpu()
    {
        await _emulator.CreateInstanceAsync("a", new() { ["vcpus"] = 3 });
        var json = await _emulator.GetJsonAsync("/resources");
        Assert.Equal(3, json.GetProperty("cpu").GetProperty("allocated").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("gpu").ValueKind);
        Assert.Single(json.GetProperty("allocations").EnumerateArray());
        Assert.True(json.TryGetProperty("disk_io", out _));
    }

    [Fact]
    public async Task UnmodelledSpecRoutesExistAsEmptyCollectionsOr501()
    {
        var devices = await _emulator.GetJsonAsync("/devices");
        Assert.Equal(0, devices.GetArrayLength());
        using var build = await _emulator.Client.PostAsync("/builds", new StringContent(""));
        await TestEmulator.AssertErrorAsync(build, HttpStatusCode.NotImplemented, "emulator_not_implemented");
        using var logs = await _emulator.Client.GetAsync("/instances/missing/logs");
        await TestEmulator.AssertErrorAsync(logs, HttpStatusCode.NotFound, "not_found", "resource not found");
        using var device = await _emulator.Client.GetAsync("/devices/gpu0");
        await TestEmulator.AssertErrorAsync(device, HttpStatusCode.NotFound, "not_found", "device not found");
    }
}
