using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hypeman.Emulator.Tests;

public sealed class InstanceCreateTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task DefaultsAndJsonShape()
    {
        var json = await _emulator.CreateInstanceAsync("web");
        Assert.Matches(new Regex("^[a-z][a-z0-9]{23}$"), json.GetProperty("id").GetString());
        Assert.Equal("alpine", json.GetProperty("image").GetString()); // echoed, not normalised
        Assert.Equal("Running", json.GetProperty("state").GetString());
        Assert.Equal("1024.0 MB", json.GetProperty("size").GetString());
        Assert.Equal("0 B", json.GetProperty("hotplug_size").GetString());
        Assert.Equal("10.0 GB", json.GetProperty("overlay_size").GetString());
        Assert.Equal(2, json.GetProperty("vcpus").GetInt32());
        Assert.Equal("cloud-hypervisor", json.GetProperty("hypervisor").GetString());
        Assert.False(json.GetProperty("has_snapshot").GetBoolean());
        foreach (var name in new[] { "state_error", "stopped_at", "expires_at", "exit_code" })
            Assert.Equal(JsonValueKind.Null, json.GetProperty(name).ValueKind);
        Assert.Equal(json.GetProperty("created_at").GetString(), json.GetProperty("started_at").GetString());
        foreach (var name in new[] { "env", "volumes", "tags", "disk_io_bps", "gpu" })
            Assert.False(json.TryGetProperty(name, out _), name + " should be omitted");
        var network = json.GetProperty("network");
        Assert.True(network.GetProperty("enabled").GetBoolean());
        Assert.Equal("default", network.GetProperty("name").GetString());
        Assert.Matches(@"^10\.100\.\d+\.\d+$", network.GetProperty("ip").GetString());
        Assert.Matches("^02:00:00:", network.GetProperty("mac").GetString());
        Assert.Equal("running", json.GetProperty("current_phase").GetString());
    }

    [Fact]
    public async Task SizesAreFormattedLikeTheServer()
    {
        var json = await _emulator.CreateInstanceAsync("sized", new()
        {
            ["size"] = "512MB", ["hotplug_size"] = "3GB", ["overlay_size"] = "20G", ["disk_io_bps"] = "100MB/s",
            ["network"] = new Dictionary<string, object> { ["bandwidth_download"] = "1Gbps", ["bandwidth_upload"] = "125MB/s" },
        });
        Assert.Equal("512.0 MB", json.GetProperty("size").GetString());
        Assert.Equal("3.0 GB", json.GetProperty("hotplug_size").GetString());
        Assert.Equal("20.0 GB", json.GetProperty("overlay_size").GetString());
        Assert.Equal("100.0 MB/s", json.GetProperty("disk_io_bps").GetString());
        Assert.Equal("119.2 MB/s", json.GetProperty("network").GetProperty("bandwidth_download").GetString());
        Assert.Equal("125.0 MB/s", json.GetProperty("network").GetProperty("bandwidth_upload").GetString());
    }

    [Fact]
    public async Task EnvTagsAndPoliciesAreEchoed()
    {
        var json = await _emulator.CreateInstanceAsync("tagged", new()
        {
            ["env"] = new Dictionary<string, string> { ["PORT"] = "80" },
            ["tags"] = new Dictionary<string, string> { ["team"] = "backend" },
            ["restart_policy"] = new Dictionary<string, object> { ["policy"] = "always" },
            ["hypervisor"] = "qemu",
        });
        Assert.Equal("80", json.GetProperty("env").GetProperty("PORT").GetString());
        Assert.Equal("backend", json.GetProperty("tags").GetProperty("team").GetString());
        Assert.Equal("always", json.GetProperty("restart_policy").GetProperty("policy").GetString());
        Assert.Equal("qemu", json.GetProperty("hypervisor").GetString());
    }

    [Theory]
    [InlineData("size", "lots", "invalid_size", "invalid size format: strconv.UnmarshalText: parsing \"lots\": invalid syntax")]
    [InlineData("hotplug_size", "1.5GB", "invalid_hotplug_size", null)]
    [InlineData("overlay_size", "10Gb", "invalid_overlay_size", null)]
    [InlineData("disk_io_bps", "fast", "invalid_disk_io_bps", null)]
    public async Task UnparsableSizesAre400WithTheirOwnCode(string field, string value, string code, string? message)
    {
        using var response = await _emulator.PostJsonAsync("/instances", new Dictionary<string, object> { ["name"] = "x", ["image"] = "alpine", [field] = value });
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, code, message);
    }

    [Fact]
    public async Task UnparsableBandwidthIs400()
    {
        using var response = await _emulator.PostJsonAsync("/instances", new Dictionary<string, object>
        {
            ["name"] = "x", ["image"] = "alpine", ["network"] = new Dictionary<string, object> { ["bandwidth_upload"] = "quick" },
        });
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_bandwidth_upload");
    }

    [Theory]
    [InlineData("{\"name\":\"x\"}", "property \"image\" is missing")]
    [InlineData("{\"name\":\"Web_1\",\"image\":\"alpine\"}", "Error at \"/name\": string doesn't match the regular expression \"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$\"")]
    [InlineData("{\"name\":\"-web\",\"image\":\"alpine\"}", "string doesn't match the regular expression")]
    [InlineData("{\"name\":\"x\",\"image\":\"alpine\",\"hypervisor\":\"xen\"}", "Error at \"/hypervisor\": value is not one of the allowed values [\"cloud-hypervisor\",\"firecracker\",\"qemu\",\"qemu-microvm\",\"vz\"]")]
    [InlineData("{\"name\":\"x\",\"image\":\"alpine\",\"vcpus\":\"2\"}", "Error at \"/vcpus\": value must be an integer")]
    [InlineData("{\"name\":\"x\",\"image\":\"alpine\",\"tags\":{\"bad!\":\"v\"}}", "Error at \"/tags/bad!\"")]
    [InlineData("{\"name\":\"x\",\"image\":\"alpine\",\"volumes\":[{\"volume_id\":\"v\"}]}", "Error at \"/volumes/0/mount_path\": property \"mount_path\" is missing")]
    [InlineData("{\"name\":\"x\",\"image\":\"alpine\",\"network\":{\"enabled\":\"yes\"}}", "Error at \"/network/enabled\": value must be a boolean")]
    public async Task SchemaViolationsAreBadRequest(string body, string messagePart)
    {
        using var response = await _emulator.PostRawAsync("/instances", body);
        var json = await TestEmulator.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request", json.GetProperty("code").GetString());
        var message = json.GetProperty("message").GetString()!;
        Assert.StartsWith("request body has an error: doesn't match schema", message);
        Assert.Contains(messagePart, message);
    }

    [Fact]
    public async Task NameLongerThan63IsRejected()
    {
        using var response = await _emulator.PostJsonAsync("/instances", new { name = new string('a', 64), image = "alpine" });
        var json = await TestEmulator.ReadJsonAsync(response);
        Assert.Contains("maximum string length is 63", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task MoreThan50TagsAreRejected()
    {
        var tags = Enumerable.Range(0, 51).ToDictionary(i => "k" + i, i => "v");
        using var response = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "alpine", tags });
        var json = await TestEmulator.ReadJsonAsync(response);
        Assert.Contains("there must be at most 50 properties", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task MissingBodyWrongContentTypeAndBadJson()
    {
        using var empty = await _emulator.Client.PostAsync("/instances", new StringContent("", null, "application/json"));
        await TestEmulator.AssertErrorAsync(empty, HttpStatusCode.BadRequest, "Bad Request", "request body has an error: value is required but missing");
        using var text = await _emulator.PostRawAsync("/instances", "{\"name\":\"x\",\"image\":\"alpine\"}", "text/plain");
        await TestEmulator.AssertErrorAsync(text, HttpStatusCode.BadRequest, "Bad Request", "request body has an error: header Content-Type has unexpected value \"text/plain\"");
        using var broken = await _emulator.PostRawAsync("/instances", "{\"name\":");
        var json = await TestEmulator.ReadJsonAsync(broken);
        Assert.StartsWith("request body has an error: failed to decode request body", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task MissingImageIs404AndPendingImageIsNotReady()
    {
        using var missing = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "redis:7" });
        await TestEmulator.AssertErrorAsync(missing, HttpStatusCode.NotFound, "not_found");

        using var pull = await _emulator.PostJsonAsync("/images", new { name = "redis:7" });
        Assert.Equal(HttpStatusCode.Accepted, pull.StatusCode);
        using var pending = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "redis:7" });
        await TestEmulator.AssertErrorAsync(pending, HttpStatusCode.BadRequest, "image_not_ready");
    }

    [Theory]
    [InlineData("vcpus", 17)]
    [InlineData("size", "33GB")]
    [InlineData("overlay_size", "101GB")]
    [InlineData("devices", new[] { "gpu0" })]
    public async Task LimitsAndMissingDevicesAreInternalErrors(string field, object value)
    {
        using var response = await _emulator.PostJsonAsync("/instances", new Dictionary<string, object> { ["name"] = "x", ["image"] = "alpine", [field] = value });
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "internal_error", "failed to create instance");
    }

    [Fact]
    public async Task NetworkNamesMustBeUniqueButUnnetworkedOnesMayRepeat()
    {
        await _emulator.CreateInstanceAsync("dup");
        using var conflict = await _emulator.PostJsonAsync("/instances", new { name = "dup", image = "alpine" });
        await TestEmulator.AssertErrorAsync(conflict, HttpStatusCode.BadRequest, "name_conflict");

        var offline = new Dictionary<string, object?> { ["network"] = new Dictionary<string, object> { ["enabled"] = false } };
        var first = await _emulator.CreateInstanceAsync("quiet", offline);
        await _emulator.CreateInstanceAsync("quiet", offline);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("network").GetProperty("ip").ValueKind);
        Assert.False(first.GetProperty("network").TryGetProperty("name", out _));
        using var ambiguous = await _emulator.Client.GetAsync("/instances/quiet");
        await TestEmulator.AssertErrorAsync(ambiguous, HttpStatusCode.Conflict, "ambiguous", "multiple resources match, use full ID");
    }

    [Fact]
    public async Task VolumesAttachAtCreationByExactIdOnly()
    {
        var volume = await _emulator.CreateVolumeAsync("data");
        var id = volume.GetProperty("id").GetString()!;
        var json = await _emulator.CreateInstanceAsync("db", new()
        {
            ["volumes"] = new[] { new Dictionary<string, object> { ["volume_id"] = id, ["mount_path"] = "/data" } },
        });
        var mount = Assert.Single(json.GetProperty("volumes").EnumerateArray());
        Assert.Equal(id, mount.GetProperty("volume_id").GetString());
        Assert.False(mount.GetProperty("readonly").GetBoolean());
        Assert.False(mount.TryGetProperty("overlay", out _));

        var attachments = (await _emulator.GetJsonAsync("/volumes/" + id)).GetProperty("attachments");
        Assert.Equal(json.GetProperty("id").GetString(), Assert.Single(attachments.EnumerateArray()).GetProperty("instance_id").GetString());

        using var byName = await _emulator.PostJsonAsync("/instances", new
        {
            name = "other", image = "alpine", volumes = new[] { new { volume_id = "data", mount_path = "/data", @readonly = true } },
        });
        await TestEmulator.AssertErrorAsync(byName, HttpStatusCode.InternalServerError, "internal_error", "failed to create instance");
    }

    public static TheoryData<object[]> BadMounts => new()
    {
        new object[] { new { volume_id = "VOL", mount_path = "/etc/app" } },
        new object[] { new { volume_id = "VOL", mount_path = "data" } },
        new object[] { new { volume_id = "VOL", mount_path = "/" } },
        new object[] { new { volume_id = "VOL", mount_path = "/mnt/../usr" } },
        new object[] { new { volume_id = "VOL", mount_path = "/a" }, new { volume_id = "VOL", mount_path = "/b" } },
        new object[] { new { volume_id = "VOL", mount_path = "/a", overlay = true, overlay_size = "1GB" } },
        new object[] { new { volume_id = "VOL", mount_path = "/a", @readonly = true, overlay = true } },
        new object[] { new { volume_id = "missing", mount_path = "/a" } },
    };

    [Theory]
    [MemberData(nameof(BadMounts))]
    public async Task BadMountsAreInternalErrors(object[] mounts)
    {
        var volume = await _emulator.CreateVolumeAsync("v");
        var id = volume.GetProperty("id").GetString()!;
        var json = JsonSerializer.Serialize(new { name = "x", image = "alpine", volumes = mounts }).Replace("VOL", id);
        using var response = await _emulator.PostRawAsync("/instances", json);
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "internal_error", "failed to create instance");
    }

    [Fact]
    public async Task ReadWriteIsExclusiveAndReadOnlyIsShared()
    {
        var shared = (await _emulator.CreateVolumeAsync("shared")).GetProperty("id").GetString()!;
        var exclusive = (await _emulator.CreateVolumeAsync("exclusive")).GetProperty("id").GetString()!;
        await _emulator.CreateInstanceAsync("r1", new() { ["volumes"] = new[] { new { volume_id = shared, mount_path = "/s", @readonly = true } } });
        await _emulator.CreateInstanceAsync("r2", new() { ["volumes"] = new[] { new { volume_id = shared, mount_path = "/s", @readonly = true } } });
        await _emulator.CreateInstanceAsync("w1", new() { ["volumes"] = new[] { new { volume_id = exclusive, mount_path = "/x" } } });

        using var rwOnShared = await _emulator.PostJsonAsync("/instances", new { name = "w2", image = "alpine", volumes = new[] { new { volume_id = shared, mount_path = "/s" } } });
        Assert.Equal(HttpStatusCode.InternalServerError, rwOnShared.StatusCode);
        using var roOnExclusive = await _emulator.PostJsonAsync("/instances", new { name = "r3", image = "alpine", volumes = new[] { new { volume_id = exclusive, mount_path = "/x", @readonly = true } } });
        Assert.Equal(HttpStatusCode.InternalServerError, roOnExclusive.StatusCode);
        Assert.Equal(2, (await _emulator.GetJsonAsync("/volumes/" + shared)).GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task OverlayMountsShowTheirSize()
    {
        var id = (await _emulator.CreateVolumeAsync("base")).GetProperty("id").GetString()!;
        var json = await _emulator.CreateInstanceAsync("ov", new()
        {
            ["volumes"] = new[] { new { volume_id = id, mount_path = "/base", @readonly = true, overlay = true, overlay_size = "2GB" } },
        });
        var mount = Assert.Single(json.GetProperty("volumes").EnumerateArray());
        Assert.True(mount.GetProperty("overlay").GetBoolean());
        Assert.Equal("2.0 GB", mount.GetProperty("overlay_size").GetString());
    }

    [Fact]
    public async Task TtlSetsExpiresAtAndConflictsWithExpiresAt()
    {
        var json = await _emulator.CreateInstanceAsync("ephemeral", new() { ["ttl"] = "1h" });
        var created = json.GetProperty("created_at").GetDateTimeOffset();
        var expires = json.GetProperty("expires_at").GetDateTimeOffset();
        Assert.InRange((expires - created).TotalMinutes, 59.9, 60.1);

        using var both = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "alpine", ttl = "1h", expires_at = "2099-01-01T00:00:00Z" });
        await TestEmulator.AssertErrorAsync(both, HttpStatusCode.BadRequest, "invalid_request", "ttl and expires_at are mutually exclusive");
        using var badTtl = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "alpine", ttl = "soon" });
        await TestEmulator.AssertErrorAsync(badTtl, HttpStatusCode.BadRequest, "invalid_ttl", "ttl must be a valid duration: time: invalid duration \"soon\"");
        using var past = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "alpine", expires_at = "2001-01-01T00:00:00Z" });
        await TestEmulator.AssertErrorAsync(past, HttpStatusCode.BadRequest, "invalid_expires_at");
    }

    [Fact]
    public async Task PlatformIsCheckedByTheServer()
    {
        using var response = await _emulator.PostJsonAsync("/instances", new { name = "x", image = "alpine", platform = "windows/amd64" });
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_platform");
    }
}
