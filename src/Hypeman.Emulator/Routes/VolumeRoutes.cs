using Hypeman.Emulator.Formats;
using Hypeman.Emulator.Http;
using Hypeman.Emulator.Json;
using Hypeman.Emulator.State;
using Hypeman.Emulator.Validation;

namespace Hypeman.Emulator.Routes;

/// <summary>Volumes: list, get (ID then name), create empty (JSON), delete (refused while attached).</summary>
internal static class VolumeRoutes
{
    public static void Register(Router router)
    {
        router.Add("GET", "/volumes", List);
        router.Add("POST", "/volumes", Create);
        router.Add("GET", "/volumes/{id}", Get);
        router.Add("DELETE", "/volumes/{id}", Delete);
    }

    /// <summary>Adds a volume unless the ID is taken (409 already_exists); shared with the archive routes.</summary>
    public static IResult Add(StoreState state, string? id, string name, int sizeGb, IReadOnlyDictionary<string, string> tags)
    {
        var volumeId = string.IsNullOrEmpty(id) ? IdGenerator.NewId() : id;
        if (state.Volumes.ContainsKey(volumeId)) return AlreadyExists();
        var volume = new VolumeRecord
        {
            Id = volumeId, Name = name, SizeGb = sizeGb, Tags = tags,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(state.Now.ToUnixTimeSeconds()), // stored with second precision
        };
        state.Volumes[volumeId] = volume;
        return ApiResults.Json(201, VolumeJson.From(volume, state));
    }

    public static IResult AlreadyExists() => ApiResults.Error(409, "already_exists", "volume with this ID already exists");

    public static IResult WithVolume(ApiRequest request, Func<StoreState, VolumeRecord, IResult> action) =>
        request.Store.Run(state =>
        {
            var volume = state.ResolveVolume(request.Route("id"));
            return volume.Error is { } error ? error.ToResult() : action(state, volume.Value!);
        });

    private static Task<IResult> List(ApiRequest request)
    {
        IReadOnlyDictionary<string, string>? filter = null;
        if (!request.IsV020)
        {
            var tags = QueryParameters.Tags(request.Http.Request);
            if (tags.Error is not null) return Task.FromResult(tags.Error);
            filter = tags.Tags;
        }
        return Task.FromResult(request.Store.Run(state =>
            ApiResults.Json(200, VolumeJson.List(state.Volumes.Values.Where(v => QueryParameters.Matches(filter, v.Tags)), state))));
    }

    private static async Task<IResult> Create(ApiRequest request)
    {
        // 0.2.0 also took archives here as multipart/form-data (0.3.0 moved them to /volumes/from-archive).
        if (request.IsV020 && RequestBody.IsMediaType(request.Http.Request.ContentType, "multipart/form-data"))
            return await VolumeArchiveRoutes.CreateFromMultipartAsync(request);

        var schema = request.IsV020 ? Schemas.CreateVolumeV020 : Schemas.CreateVolumeV030;
        var body = await RequestBody.ReadJsonAsync(request.Http, schema, "CreateVolumeRequest", required: true);
        if (body.Error is not null) return body.Error;
        var json = body.Body!.Value;
        var sizeGb = (int)json.GetProperty("size_gb").GetDouble();
        // No minimum in the schema; the server fails to make a disk of that size.
        if (sizeGb <= 0) return ApiResults.InternalError("failed to create volume");
        var id = JsonRead.String(json, "id");
        var tags = request.IsV020 ? new Dictionary<string, string>() : JsonRead.StringMap(json, "tags");
        var name = json.GetProperty("name").GetString()!;
        return request.Store.Run(state => Add(state, id, name, sizeGb, tags));
    }

    private static Task<IResult> Get(ApiRequest request) =>
        Task.FromResult(WithVolume(request, (state, volume) => ApiResults.Json(200, VolumeJson.From(volume, state))));

    private static Task<IResult> Delete(ApiRequest request) =>
        Task.FromResult(WithVolume(request, (state, volume) =>
        {
            if (state.AttachmentsOf(volume.Id).Any()) return ApiError.Conflict("volume is in use by an instance").ToResult();
            state.Volumes.Remove(volume.Id);
            return ApiResults.NoContent();
        }));
}
