using System.Net;
using System.Text.Json;

namespace Hypeman.Client.Tests.Client;

public sealed class RequestTests
{
    private static FakeServer Answering(string json) => new(_ => FakeServer.Json(HttpStatusCode.OK, json));

    [Fact]
    public async Task Identifiers_are_escaped_as_one_path_segment()
    {
        var server = Answering(Samples.Instance());
        await server.CreateClient().GetInstanceAsync("odd/name:1 x", CancellationToken.None);

        Assert.Equal("/instances/odd%2Fname%3A1%20x", Assert.Single(server.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_base_url_with_a_path_prefix_is_kept()
    {
        var server = Answering(Samples.Instance());
        await server.CreateClient(TestConnections.Create("https://example.test/hypeman")).GetInstanceAsync("web-1", CancellationToken.None);

        Assert.Equal("https://example.test/hypeman/instances/web-1", Assert.Single(server.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task List_filters_become_state_and_deep_object_tag_parameters()
    {
        var server = Answering("[]");
        var tags = new Dictionary<string, string> { ["team"] = "back end", ["env"] = "dev" };
        await server.CreateClient().ListInstancesAsync("Running", tags, CancellationToken.None).ToListAsync(CancellationToken.None);

        Assert.Equal("?state=Running&tags[env]=dev&tags[team]=back%20end", Assert.Single(server.Requests).Uri.Query);
    }

    [Fact]
    public async Task Start_always_sends_a_json_body()
    {
        var server = Answering(Samples.Instance());
        var client = server.CreateClient();
        await client.StartInstanceAsync("web-1", null, CancellationToken.None);
        await client.StartInstanceAsync("web-1", new StartInstanceRequest { Cmd = ["echo", "hi"] }, CancellationToken.None);

        var requests = server.Requests.ToArray();
        Assert.Equal("{}", requests[0].Body);
        Assert.StartsWith("application/json", requests[0].ContentType);
        Assert.Equal("""{"cmd":["echo","hi"]}""", requests[1].Body);
    }

    [Fact]
    public async Task Stop_standby_restore_and_detach_send_no_body()
    {
        var server = Answering(Samples.Instance());
        var client = server.CreateClient();
        await client.StopInstanceAsync("a", CancellationToken.None);
        await client.StandbyInstanceAsync("a", null, CancellationToken.None);
        await client.RestoreInstanceAsync("a", CancellationToken.None);
        await client.DetachVolumeAsync("a", "v", CancellationToken.None);

        Assert.All(server.Requests, r => Assert.Null(r.Body));
        Assert.Equal(["POST /instances/a/stop", "POST /instances/a/standby", "POST /instances/a/restore", "DELETE /instances/a/volumes/v"],
            server.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
    }

    [Fact]
    public async Task Create_instance_sends_only_the_fields_given()
    {
        var server = new FakeServer(_ => FakeServer.Json(HttpStatusCode.Created, Samples.Instance()));
        await server.CreateClient().CreateInstanceAsync(new CreateInstanceRequest
        {
            Name = "web-1",
            Image = "nginx",
            Vcpus = 4,
            Volumes = [new VolumeMount { VolumeId = "vol1", MountPath = "/data", ReadOnly = true }],
        }, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body!);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray();
        Assert.Equal(["image", "name", "vcpus", "volumes"], names);
        var mount = body.RootElement.GetProperty("volumes")[0];
        Assert.Equal("""{"volume_id":"vol1","mount_path":"/data","readonly":true}""", mount.GetRawText());
    }

    [Fact]
    public async Task Attach_sends_the_mount_path_and_mode()
    {
        var server = Answering(Samples.Instance());
        await server.CreateClient().AttachVolumeAsync("web-1", "logs", new AttachVolumeRequest { MountPath = "/logs", ReadOnly = false }, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/instances/web-1/volumes/logs", request.Uri.AbsolutePath);
        Assert.Equal("""{"mount_path":"/logs","readonly":false}""", request.Body);
    }

    [Fact]
    public async Task Mounts_and_attachments_name_their_owner()
    {
        var instance = await Answering(Samples.Instance()).CreateClient().GetInstanceAsync("web-1", CancellationToken.None);
        var volume = await Answering(Samples.Volume()).CreateClient().GetVolumeAsync("logs", CancellationToken.None);

        var mount = Assert.Single(instance.Volumes);
        Assert.Equal(("inst0000000000000000000001", "web-1", "vol1"), (mount.InstanceId, mount.InstanceName, mount.VolumeId));
        var attachment = Assert.Single(volume.Attachments);
        Assert.Equal(("vol1", "logs", "inst0000000000000000000001"), (attachment.VolumeId, attachment.VolumeName, attachment.InstanceId));
        Assert.Equal(1024L * 1024 * 1024, instance.MemoryBytes);
        Assert.Equal("10.100.0.3", instance.IPAddress);
    }
}
