using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

public sealed class VolumeModelTests
{
    [Fact]
    public void A_volume_parses_and_stamps_its_attachments()
    {
        var v = Read("""
            {
              "id": "vol-data-1", "name": "my-data-volume", "size_gb": 10,
              "tags": { "tier": "ssd" },
              "attachments": [
                { "instance_id": "inst-abc123", "mount_path": "/mnt/data", "readonly": false },
                { "instance_id": "inst-def456", "mount_path": "/data", "readonly": true }
              ],
              "created_at": "2025-01-15T09:00:00Z"
            }
            """, HypemanJsonContext.Default.Volume);

        Assert.Equal("vol-data-1", v.Id);
        Assert.Equal(v.Id, v.VolumeId);
        Assert.Equal("my-data-volume", v.Name);
        Assert.Equal(10L, v.SizeGB);
        Assert.Equal("ssd", v.Tags["tier"]);
        Assert.Equal(Utc("2025-01-15T09:00:00Z"), v.CreatedAt);
        Assert.Equal(2, v.Attachments.Count);
        Assert.All(v.Attachments, a =>
        {
            Assert.Equal("vol-data-1", a.VolumeId);
            Assert.Equal("my-data-volume", a.VolumeName);
        });
        Assert.Equal("inst-def456", v.Attachments[1].InstanceId);
        Assert.True(v.Attachments[1].ReadOnly);
        Assert.Equal("/mnt/data", v.Attachments[0].MountPath);
    }

    [Fact]
    public void A_020_volume_without_attachments_or_tags_has_empty_collections()
    {
        var v = Read("""{"id":"v","name":"n","size_gb":"5","created_at":"2025-01-15T09:00:00Z","attachments":null}""",
            HypemanJsonContext.Default.Volume);
        Assert.Empty(v.Attachments);
        Assert.Empty(v.Tags);
        Assert.Equal(5L, v.SizeGB);
    }

    [Fact]
    public void A_list_of_volumes_parses()
    {
        var list = Read("""
            [{"id":"a","name":"one","size_gb":1,"created_at":"2025-01-15T09:00:00Z"},
             {"id":"b","name":"two","size_gb":2,"created_at":"2025-01-15T09:00:00Z",
              "attachments":[{"instance_id":"i","mount_path":"/m","readonly":false}]}]
            """, HypemanJsonContext.Default.ListVolume);
        Assert.Equal(["a", "b"], list.Select(v => v.Id));
        Assert.Equal("b", list[1].Attachments[0].VolumeId);
    }
}
