using System.Text.Json.Nodes;
using Hypeman.Emulator.Formats;
using Hypeman.Emulator.State;

namespace Hypeman.Emulator.Json;

/// <summary>The Image body: the OCI metadata and size appear only once the image is ready.</summary>
internal static class ImageJson
{
    public static JsonObject From(ImageRecord image, StoreState state)
    {
        var ready = image.IsReady(state.Now);
        var json = new JsonObject { ["name"] = image.Name, ["digest"] = image.Digest };
        if (!state.IsV020) json["platform"] = image.Platform;
        json["status"] = image.Status(state.Now);
        json["queue_position"] = null;
        json["error"] = null;
        json["size_bytes"] = ready ? image.SizeBytes : null;
        json["entrypoint"] = ready && image.Entrypoint is { } e ? new JsonArray(e.Select(x => (JsonNode?)x).ToArray()) : null;
        json["cmd"] = ready ? new JsonArray(image.Cmd.Select(x => (JsonNode?)x).ToArray()) : null;
        if (ready) json["env"] = InstanceJson.Map(image.Env);
        if (!state.IsV020 && image.Tags.Count > 0) json["tags"] = InstanceJson.Map(image.Tags);
        json["working_dir"] = null;
        json["created_at"] = Timestamps.Precise(image.CreatedAt);
        return json;
    }
}
