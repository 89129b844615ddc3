using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

public sealed class ImageAndPushModelTests
{
    [Fact]
    public void A_ready_image_parses()
    {
        var i = Read("""
            {
              "name": "docker.io/library/nginx:latest",
              "digest": "sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
              "platform": "linux/arm64",
              "status": "ready",
              "queue_position": null,
              "error": null,
              "size_bytes": 536870912,
              "entrypoint": ["/docker-entrypoint.sh"],
              "cmd": ["nginx", "-g", "daemon off;"],
              "env": { "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NGINX_VERSION": "1.27.3" },
              "tags": { "team": "web" },
              "working_dir": "/app",
              "created_at": "2025-01-15T10:00:00Z"
            }
            """, HypemanJsonContext.Default.Image);
        Assert.Equal("docker.io/library/nginx:latest", i.Name);
        Assert.Equal(i.Name, i.ImageName);
        Assert.Equal(i.Name, i.ToString());
        Assert.StartsWith("sha256:4c0f", i.Digest);
        Assert.Equal("linux/arm64", i.Platform);
        Assert.Equal(ImageStatus.Ready, i.Status);
        Assert.Null(i.QueuePosition);
        Assert.Equal(536870912L, i.SizeBytes);
        Assert.Equal(["/docker-entrypoint.sh"], i.Entrypoint);
        Assert.Equal(["nginx", "-g", "daemon off;"], i.Cmd);
        Assert.Equal("1.27.3", i.Env["NGINX_VERSION"]);
        Assert.Equal("web", i.Tags["team"]);
        Assert.Equal("/app", i.WorkingDir);
        Assert.Equal(Utc("2025-01-15T10:00:00Z"), i.CreatedAt);
    }

    [Fact]
    public void A_pending_image_has_empty_collections_for_its_null_metadata()
    {
        var list = Read("""
            [{"name":"docker.io/library/alpine:latest","digest":"sha256:abc","status":"pending","queue_position":2,
              "error":null,"size_bytes":null,"entrypoint":null,"cmd":null,"working_dir":null,"created_at":"2025-01-15T10:00:00Z"},
             {"name":"docker.io/library/busybox:latest","digest":"sha256:def","status":"failed",
              "error":"pull failed: connection timeout","created_at":"2025-01-15T10:00:00Z"}]
            """, HypemanJsonContext.Default.ListImage);
        Assert.Equal(2, list[0].QueuePosition);
        Assert.Empty(list[0].Entrypoint);
        Assert.Empty(list[0].Cmd);
        Assert.Empty(list[0].Env);
        Assert.Empty(list[0].Tags);
        Assert.Null(list[0].SizeBytes);
        Assert.Equal(ImageStatus.Failed, list[1].Status);
        Assert.Equal("pull failed: connection timeout", list[1].Error);
    }

    [Fact]
    public void A_push_parses()
    {
        var p = Read("""
            {
              "id": "push-7f3k", "image": "docker.io/library/alpine:latest",
              "digest": "sha256:abc123", "target": "123456789.dkr.ecr.us-east-1.amazonaws.com/myapp:v1",
              "status": "pushed", "queue_position": null, "error": null,
              "layers": 3, "bytes": 3623807, "created_at": "2026-04-01T08:00:00Z", "completed_at": "2026-04-01T08:00:09Z"
            }
            """, HypemanJsonContext.Default.Push);
        Assert.Equal("push-7f3k", p.Id);
        Assert.Equal(p.Id, p.PushId);
        Assert.Equal(p.Id, p.ToString());
        Assert.Equal("docker.io/library/alpine:latest", p.Image);
        Assert.Equal("sha256:abc123", p.Digest);
        Assert.EndsWith("/myapp:v1", p.Target);
        Assert.Equal(PushStatus.Pushed, p.Status);
        Assert.Equal(3, p.Layers);
        Assert.Equal(3623807L, p.Bytes);
        Assert.Equal(Utc("2026-04-01T08:00:09Z"), p.CompletedAt);

        var queued = Read("""[{"id":"p2","image":"i","digest":"d","target":"t","status":"queued","queue_position":1,"created_at":"2026-04-01T08:00:00Z"}]""",
            HypemanJsonContext.Default.ListPush);
        Assert.Equal(1, queued[0].QueuePosition);
        Assert.Null(queued[0].CompletedAt);
        Assert.Null(queued[0].Layers);
    }
}
