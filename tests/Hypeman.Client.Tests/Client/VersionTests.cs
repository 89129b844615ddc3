using System.IO.Compression;
using System.Net;

namespace Hypeman.Client.Tests.Client;

public sealed class VersionTests
{
    private static readonly string Capabilities = """
        {"server":{},"host":{},"default_runtime":{},"runtimes":[],"network":{},"images":{},"features":{"unexpected":"shape"}}
        """;

    private static string Base() => $"http://v{Guid.NewGuid():N}.test/"; // each test its own server: versions are cached per server

    [Fact]
    public async Task Wait_uses_the_server_wait_on_0_3_0()
    {
        var server = new FakeServer(r => r.Uri.AbsolutePath switch
        {
            "/capabilities" => FakeServer.Json(HttpStatusCode.OK, Capabilities),
            "/instances/web-1/wait" => FakeServer.Json(HttpStatusCode.OK, """{"state":"Running","timed_out":false}"""),
            _ => FakeServer.Text(HttpStatusCode.NotFound, "404 page not found"),
        });
        var result = await server.CreateClient(TestConnections.Create(Base())).WaitForInstanceStateAsync("web-1", "Running", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(("Running", false), (result.State, result.TimedOut));
        Assert.Equal("?state=Running&timeout=30s", server.Requests.Last().Uri.Query);
    }

    [Fact]
    public async Task Wait_paces_itself_when_the_server_does_not_hold_the_call()
    {
        var server = new FakeServer(r => r.Uri.AbsolutePath switch
        {
            "/capabilities" => FakeServer.Json(HttpStatusCode.OK, Capabilities),
            _ => FakeServer.Json(HttpStatusCode.OK, """{"state":"Created","timed_out":true}"""),
        });
        var result = await server.CreateClient(TestConnections.Create(Base())).WaitForInstanceStateAsync("web-1", "Running", TimeSpan.FromSeconds(1.5), CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.InRange(server.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/wait")), 1, 8); // unpaced, it would be hundreds
    }

    [Fact]
    public async Task Wait_polls_on_a_server_without_the_wait_route()
    {
        int gets = 0;
        var server = new FakeServer(r => r.Uri.AbsolutePath switch
        {
            "/instances/web-1" => FakeServer.Json(HttpStatusCode.OK, Samples.Instance(state: ++gets < 3 ? "Initializing" : "Running")),
            _ => FakeServer.Text(HttpStatusCode.NotFound, "404 page not found"),
        });
        var observer = new RecordingObserver();
        var result = await server.CreateClient(TestConnections.Create(Base()), observer).WaitForInstanceStateAsync("web-1", "Running", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal("Running", result.State);
        Assert.Equal(3, gets);
        Assert.DoesNotContain(server.Requests, r => r.Uri.AbsolutePath.EndsWith("/wait"));
        Assert.Contains(observer.Progress, p => p.Completed);
    }

    [Fact]
    public async Task Wait_reports_a_timeout()
    {
        var server = new FakeServer(r => FakeServer.Json(HttpStatusCode.OK, Samples.Instance(state: "Created")));
        var client = server.CreateClient(TestConnections.Create(Base(), apiVersion: HypemanClient.ApiVersion020));
        var result = await client.WaitForInstanceStateAsync("web-1", "Running", TimeSpan.FromMilliseconds(600), CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.Equal("Created", result.State);
    }

    [Theory]
    [InlineData("Stopped")]
    [InlineData("Standby")]
    [InlineData("Unknown")]
    public async Task Polling_ends_in_a_state_the_instance_does_not_leave_by_itself(string state)
    {
        var server = new FakeServer(r => FakeServer.Json(HttpStatusCode.OK, Samples.Instance(state: state)));
        var client = server.CreateClient(TestConnections.Create(Base(), apiVersion: HypemanClient.ApiVersion020));
        var result = await client.WaitForInstanceStateAsync("web-1", "Running", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.False(result.TimedOut);
        Assert.Equal(state, result.State);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_archive_goes_to_from_archive_on_0_3_0()
    {
        var observer = new RecordingObserver();
        var server = new FakeServer(r => r.Uri.AbsolutePath switch
        {
            "/capabilities" => FakeServer.Json(HttpStatusCode.OK, Capabilities),
            _ => FakeServer.Json(HttpStatusCode.Created, Samples.Volume("vol9", "site")),
        });
        using var archive = new MemoryStream(GzipOf("hello"));
        var volume = await server.CreateClient(TestConnections.Create(Base()), observer).CreateVolumeFromArchiveAsync(
            "site", 2, "vol9", new Dictionary<string, string> { ["env"] = "dev" }, archive, "site.tar.gz", CancellationToken.None);

        var upload = server.Requests.Last();
        Assert.Equal("vol9", volume.Id);
        Assert.Equal("/volumes/from-archive", upload.Uri.AbsolutePath);
        Assert.Equal("?name=site&size_gb=2&id=vol9&tags[env]=dev", upload.Uri.Query);
        Assert.Equal("application/gzip", upload.ContentType);
        Assert.Contains(observer.Progress, p => p.Completed && p.Done == archive.Length);
    }

    [Fact]
    public async Task An_archive_goes_multipart_to_volumes_on_0_2_0()
    {
        var server = new FakeServer(r => r.Uri.AbsolutePath switch
        {
            "/capabilities" => FakeServer.Text(HttpStatusCode.NotFound, "404 page not found"),
            _ => FakeServer.Json(HttpStatusCode.Created, Samples.Volume("vol9", "site")),
        });
        using var archive = new MemoryStream(GzipOf("hello"));
        await server.CreateClient(TestConnections.Create(Base())).CreateVolumeFromArchiveAsync("site", 2, null, null, archive, "site.tar.gz", CancellationToken.None);

        var upload = server.Requests.Last();
        Assert.Equal("/volumes", upload.Uri.AbsolutePath);
        Assert.StartsWith("multipart/form-data", upload.ContentType);
        // name and size_gb must come before content for the 0.2.0 server.
        int name = upload.Body!.IndexOf("name=name", StringComparison.Ordinal);
        int size = upload.Body.IndexOf("name=size_gb", StringComparison.Ordinal);
        int content = upload.Body.IndexOf("name=content", StringComparison.Ordinal);
        Assert.True(name >= 0 && name < size && size < content, upload.Body);
        Assert.Equal(1, server.Requests.Count(r => r.Method == "POST"));
    }

    private static byte[] GzipOf(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }
}
