using System.Text.Json.Nodes;
using Hypeman.Emulator.Formats;
using Hypeman.Emulator.State;

namespace Hypeman.Emulator.Json;

/// <summary>The Volume body: attachments derived from the instances, omitted when there are none.</summary>
internal static class VolumeJson
{
    public static JsonObject From(VolumeRecord v, StoreState state)
    {
        var json = new JsonObject { ["id"] = v.Id, ["name"] = v.Name, ["size_gb"] = v.SizeGb };
        if (!state.IsV020 && v.Tags.Count > 0) json["tags"] = InstanceJson.Map(v.Tags);
        var attachments = state.AttachmentsOf(v.Id)
            .Select(a => (JsonNode?)new JsonObject
            {
                ["instance_id"] = a.Instance.Id, ["mount_path"] = a.Mount.MountPath, ["readonly"] = a.Mount.Readonly,
            })
            .ToArray();
        if (attachments.Length > 0) json["attachments"] = new JsonArray(attachments);
        json["created_at"] = Timestamps.Seconds(v.CreatedAt);
        return json;
    }

    public static JsonArray List(IEnumerable<VolumeRecord> volumes, StoreState state) =>
        new(volumes.Select(v => (JsonNode?)From(v, state)).ToArray());
}
