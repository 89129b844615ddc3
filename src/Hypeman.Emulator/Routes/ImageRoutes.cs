using Hypeman.Emulator.Formats;
using Hypeman.Emulator.Http;
using Hypeman.Emulator.Json;
using Hypeman.Emulator.State;
using Hypeman.Emulator.Validation;

namespace Hypeman.Emulator.Routes;

/// <summary>Images: list, get (URL-decoded name), pull (202, ready after a delay), delete (removes the tag).</summary>
internal static class ImageRoutes
{
    public static void Register(Router router)
    {
        router.Add("GET", "/images", List);
        router.Add("POST", "/images", Create);
        router.Add("GET", "/images/{name}", Get);
        router.Add("DELETE", "/images/{name}", Delete);
    }

    private static Task<IResult> List(ApiRequest request)
    {
        IReadOnlyDictionary<string, string>? filter = null;
        if (!request.IsV020)
        {
            var tags = QueryParameters.Tags(request.Http.Request);
            if (tags.Error is not null) return Task.FromResult(tags.Error);
            filter = tags.Tags;
        }
        return Task.FromResult(request.Store.Run(state => ApiResults.Json(200, new System.Text.Json.Nodes.JsonArray(state.Images.Values
            .Where(i => i.Tagged && i.IsReady(state.Now) && !i.Reference.IsDigest && QueryParameters.Matches(filter, i.Tags))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => (System.Text.Json.Nodes.JsonNode?)ImageJson.From(i, state))
            .ToArray()))));
    }

    private static Task<IResult> Get(ApiRequest request) => Task.FromResult(request.Store.Run(state =>
    {
        var image = state.ResolveImage(request.Route("name"));
        return image.Error is { } error ? error.ToResult() : ApiResults.Json(200, ImageJson.From(image.Value!, state));
    }));

    private static async Task<IResult> Create(ApiRequest request)
    {
        var schema = request.IsV020 ? Schemas.CreateImageV020 : Schemas.CreateImageV030;
        var body = await RequestBody.ReadJsonAsync(request.Http, schema, "CreateImageRequest", required: true);
        if (body.Error is not null) return body.Error;
        var json = body.Body!.Value;
        var name = json.GetProperty("name").GetString()!;
        if (!ImageReference.TryParse(name, out var reference, out var parseError))
            return ApiResults.Error(400, "invalid_name", "invalid image name: " + parseError);

        string? platform = null;
        if (!request.IsV020 && json.TryGetProperty("platform", out var p))
        {
            platform = p.GetString();
            if (platform is not ("linux/amd64" or "linux/arm64"))
                return ApiResults.Error(400, "invalid_platform", $"unsupported platform \"{platform}\": only linux/amd64 and linux/arm64 are supported");
        }
        var tags = request.IsV020 ? new Dictionary<string, string>() : JsonRead.StringMap(json, "tags");

        return request.Store.Run(state =>
        {
            var digest = reference.Digest ?? Seeder.DigestFor(reference.ToString());
            if (!state.Images.TryGetValue(digest, out var image))
            {
                image = new ImageRecord
                {
                    Reference = reference,
                    Digest = digest,
                    CreatedAt = state.Now,
                    ReadyAt = state.Now.AddMilliseconds(state.Settings.ImagePullDelayMs),
                    Platform = platform ?? Seeder.HostPlatform,
                    Tags = tags,
                };
                state.Images[digest] = image;
            }
            image.Tagged = true; // re-pulling a deleted tag restores it at once
            return ApiResults.Json(202, ImageJson.From(image, state));
        });
    }

    private static Task<IResult> Delete(ApiRequest request) => Task.FromResult(request.Store.Run(state =>
    {
        var image = state.ResolveImage(request.Route("name"));
        if (image.Error is { } error) return error.ToResult();
        // The server deletes the tag it stored; an image pulled by digest has none.
        if (image.Value!.Reference.IsDigest) return ApiResults.InternalError("failed to delete image");
        image.Value.Tagged = false;
        return ApiResults.NoContent();
    }));
}
