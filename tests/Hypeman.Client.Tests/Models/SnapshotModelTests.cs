using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

public sealed class SnapshotModelTests
{
    [Fact]
    public void A_snapshot_parses()
    {
        var s = Read("""
            {
              "id": "q7z1w7l2af4l8y7q1h7g2m3s",
              "name": "baseline-standby",
              "kind": "Standby",
              "tags": { "purpose": "baseline" },
              "source_instance_id": "qilviffnqzck2jrim1x6s2b1",
              "source_instance_name": "nginx1",
              "source_hypervisor": "firecracker",
              "created_at": "2026-03-06T13:56:11Z",
              "size_bytes": 104857600,
              "compression_state": "compressed",
              "compression_error": null,
              "compression": { "enabled": true, "algorithm": "lz4", "level": 0 },
              "compressed_size_bytes": 73400320,
              "uncompressed_size_bytes": 4294967296
            }
            """, HypemanJsonContext.Default.Snapshot);

        Assert.Equal("q7z1w7l2af4l8y7q1h7g2m3s", s.Id);
        Assert.Equal(s.Id, s.SnapshotId);
        Assert.Equal(s.Id, s.ToString());
        Assert.Equal("baseline-standby", s.Name);
        Assert.Equal(SnapshotKind.Standby, s.Kind);
        Assert.Equal("baseline", s.Tags["purpose"]);
        Assert.Equal("qilviffnqzck2jrim1x6s2b1", s.SourceInstanceId);
        Assert.Equal("nginx1", s.SourceInstanceName);
        Assert.Equal(HypervisorType.Firecracker, s.SourceHypervisor);
        Assert.Equal(Utc("2026-03-06T13:56:11Z"), s.CreatedAt);
        Assert.Equal(104857600L, s.SizeBytes);
        Assert.Equal(SnapshotCompressionState.Compressed, s.CompressionState);
        Assert.Null(s.CompressionError);
        Assert.Equal(CompressionAlgorithm.Lz4, s.Compression!.Algorithm);
        Assert.Equal(0, s.Compression.Level);
        Assert.Equal(73400320L, s.CompressedSizeBytes);
        Assert.Equal(4294967296L, s.UncompressedSizeBytes);
    }

    [Fact]
    public void A_minimal_snapshot_list_parses_with_unknown_kind_and_quoted_sizes()
    {
        var list = Read("""
            [{"id":"s1","name":null,"kind":"Paused","source_instance_id":"i","source_instance_name":"n",
              "source_hypervisor":"vz","created_at":"2026-03-06T13:56:11Z","size_bytes":"2048"}]
            """, HypemanJsonContext.Default.ListSnapshot);
        var s = Assert.Single(list);
        Assert.Null(s.Name);
        Assert.Equal("Paused", s.Kind);
        Assert.Equal(2048L, s.SizeBytes);
        Assert.Empty(s.Tags);
        Assert.Null(s.Compression);
        Assert.Null(s.CompressedSizeBytes);
    }

    [Fact]
    public void A_snapshot_schedule_parses()
    {
        var s = Read("""
            {
              "instance_id": "qilviffnqzck2jrim1x6s2b1",
              "interval": "24h",
              "name_prefix": "nightly",
              "metadata": { "owner": "ops" },
              "retention": { "max_count": 7, "max_age": "168h" },
              "next_run_at": "2026-03-10T02:00:00Z",
              "last_run_at": "2026-03-09T02:00:00Z",
              "last_snapshot_id": "q7z1w7l2af4l8y7q1h7g2m3s",
              "last_error": "invalid state transition: stopped snapshot requires source in Stopped, got Running",
              "created_at": "2026-03-09T01:00:00Z",
              "updated_at": "2026-03-09T01:30:00Z"
            }
            """, HypemanJsonContext.Default.SnapshotSchedule);
        Assert.Equal("qilviffnqzck2jrim1x6s2b1", s.InstanceId);
        Assert.Equal("24h", s.Interval);
        Assert.Equal("nightly", s.NamePrefix);
        Assert.Equal("ops", s.Metadata["owner"]);
        Assert.Equal(7, s.Retention.MaxCount);
        Assert.Equal("168h", s.Retention.MaxAge);
        Assert.Equal(Utc("2026-03-10T02:00:00Z"), s.NextRunAt);
        Assert.Equal(Utc("2026-03-09T02:00:00Z"), s.LastRunAt);
        Assert.Equal("q7z1w7l2af4l8y7q1h7g2m3s", s.LastSnapshotId);
        Assert.StartsWith("invalid state transition", s.LastError);
        Assert.Equal(Utc("2026-03-09T01:00:00Z"), s.CreatedAt);
        Assert.Equal(Utc("2026-03-09T01:30:00Z"), s.UpdatedAt);
    }

    [Fact]
    public void A_schedule_without_metadata_or_retention_never_has_null_members()
    {
        var s = Read("""{"instance_id":"i","interval":"1h","next_run_at":"2026-03-10T02:00:00Z","created_at":"2026-03-09T01:00:00Z","updated_at":"2026-03-09T01:00:00Z"}""",
            HypemanJsonContext.Default.SnapshotSchedule);
        Assert.Empty(s.Metadata);
        Assert.NotNull(s.Retention);
        Assert.Null(s.Retention.MaxCount);
        Assert.Null(s.LastRunAt);
    }
}
