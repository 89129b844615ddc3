using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

public sealed class BuildModelTests
{
    [Fact]
    public void A_finished_build_parses()
    {
        var b = Read("""
            {
              "id": "build-abc123",
              "status": "ready",
              "tags": { "team": "backend" },
              "queue_position": null,
              "image_digest": "sha256:feedface",
              "image_ref": "localhost:8080/builds/build-abc123",
              "error": null,
              "provenance": {
                "base_image_digest": "sha256:base",
                "source_hash": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "lockfile_hashes": { "package-lock.json": "sha256:lock" },
                "buildkit_version": "v0.16.0",
                "timestamp": "2026-02-01T10:05:00Z"
              },
              "created_at": "2026-02-01T10:00:00Z",
              "started_at": "2026-02-01T10:00:02Z",
              "completed_at": "2026-02-01T10:05:00Z",
              "duration_ms": 298000,
              "builder_instance_id": "vm-build-1",
              "builder_id": "team-cache-1"
            }
            """, HypemanJsonContext.Default.Build);
        Assert.Equal("build-abc123", b.Id);
        Assert.Equal(b.Id, b.BuildId);
        Assert.Equal(b.Id, b.ToString());
        Assert.Equal(BuildStatus.Ready, b.Status);
        Assert.Equal("backend", b.Tags["team"]);
        Assert.Equal("sha256:feedface", b.ImageDigest);
        Assert.Equal("localhost:8080/builds/build-abc123", b.ImageRef);
        Assert.Equal("sha256:base", b.Provenance!.BaseImageDigest);
        Assert.Equal("sha256:lock", b.Provenance.LockfileHashes["package-lock.json"]);
        Assert.Equal("v0.16.0", b.Provenance.BuildkitVersion);
        Assert.Equal(Utc("2026-02-01T10:05:00Z"), b.Provenance.Timestamp);
        Assert.Equal(Utc("2026-02-01T10:00:02Z"), b.StartedAt);
        Assert.Equal(298000L, b.DurationMs);
        Assert.Equal("vm-build-1", b.BuilderInstanceId);
        Assert.Equal("team-cache-1", b.BuilderId);
    }

    [Fact]
    public void A_queued_020_build_parses_with_empty_collections()
    {
        var list = Read("""[{"id":"b1","status":"queued","queue_position":"3","created_at":"2026-02-01T10:00:00Z","provenance":{"lockfile_hashes":null}}]""",
            HypemanJsonContext.Default.ListBuild);
        var b = Assert.Single(list);
        Assert.Equal(3, b.QueuePosition);
        Assert.Empty(b.Tags);
        Assert.Empty(b.Provenance!.LockfileHashes);
        Assert.Null(b.BuilderId);
        Assert.Null(b.StartedAt);
    }

    [Theory]
    [InlineData("""{"type":"log","timestamp":"2026-02-01T10:00:03Z","content":"#1 [internal] load build definition"}""", "log", "#1 [internal] load build definition", null)]
    [InlineData("""{"type":"status","timestamp":"2026-02-01T10:05:00Z","status":"pushing"}""", "status", null, "pushing")]
    [InlineData("""{"type":"heartbeat","timestamp":"2026-02-01T10:00:30Z"}""", "heartbeat", null, null)]
    public void Build_events_parse(string json, string type, string? content, string? status)
    {
        var e = Read(json, HypemanJsonContext.Default.BuildEvent);
        Assert.Equal(type, e.Type);
        Assert.Contains(e.Type, BuildEventType.All);
        Assert.Equal(content, e.Content);
        Assert.Equal(status, e.Status);
        Assert.Equal(2026, e.Timestamp.Year);
    }

    [Fact]
    public void A_builder_parses()
    {
        var b = Read("""
            {
              "id": "tz4a98xxat96iws9zmbrgj3a", "name": "team-cache", "disk_size_gb": 50, "status": "ready",
              "tags": { "team": "web" }, "created_at": "2026-01-01T00:00:00Z", "last_used_at": "2026-02-01T10:05:00Z",
              "max_concurrency": 1, "active_build_id": "build-abc123", "queued_builds": ["build-b", "build-c"]
            }
            """, HypemanJsonContext.Default.Builder);
        Assert.Equal("tz4a98xxat96iws9zmbrgj3a", b.Id);
        Assert.Equal(b.Id, b.BuilderId);
        Assert.Equal(b.Id, b.ToString());
        Assert.Equal("team-cache", b.Name);
        Assert.Equal(50L, b.DiskSizeGB);
        Assert.Equal(BuilderStatus.Ready, b.Status);
        Assert.Equal("web", b.Tags["team"]);
        Assert.Equal(Utc("2026-02-01T10:05:00Z"), b.LastUsedAt);
        Assert.Equal(1, b.MaxConcurrency);
        Assert.Equal("build-abc123", b.ActiveBuildId);
        Assert.Equal(["build-b", "build-c"], b.QueuedBuilds);

        var list = Read("""[{"id":"b2","disk_size_gb":10,"status":"pruning","created_at":"2026-01-01T00:00:00Z","max_concurrency":1,"queued_builds":null}]""",
            HypemanJsonContext.Default.ListBuilder);
        Assert.Empty(list[0].QueuedBuilds);
        Assert.Null(list[0].ActiveBuildId);
        Assert.Null(list[0].Name);
    }
}
