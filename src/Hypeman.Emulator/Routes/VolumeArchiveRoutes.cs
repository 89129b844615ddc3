using System.Globalization;
using System.Text;
using Hypeman.Emulator.Formats;
using Hypeman.Emulator.Http;
using Hypeman.Emulator.Validation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Hypeman.Emulator.Routes;

/// <summary>
/// Volumes made from a tar.gz: POST /volumes/from-archive (0.3.0, raw application/gzip body) and the
/// multipart POST /volumes of 0.2.0. The archive is really decompressed and read to size it.
/// </summary>
internal static class VolumeArchiveRoutes
{
    public static void Register(Router router) => router.Add("POST", "/volumes/from-archive", CreateFromArchiveAsync);

    private static async Task<IResult> CreateFromArchiveAsync(ApiRequest request)
    {
        var http = request.Http.Request;
        var (name, nameError) = QueryParameters.String(http, "name", required: true);
        if (nameError is not null) return nameError;
        var (sizeGb, sizeError) = QueryParameters.Integer(http, "size_gb", required: true);
        if (sizeError is not null) return sizeError;
        var (id, _) = QueryParameters.String(http, "id");
        var tags = QueryParameters.Tags(http);
        if (tags.Error is not null) return tags.Error;

        using var content = new MemoryStream();
        await http.Body.CopyToAsync(content, request.Aborted);
        if (content.Length == 0) return ApiResults.ValidationFailed("request body has an error: value is required but missing");
        if (!RequestBody.IsMediaType(http.ContentType, "application/gzip")) return RequestBody.UnexpectedContentType(http.ContentType);
        if (sizeGb <= 0) return ApiResults.Error(400, "invalid_request", "size_gb must be a positive integer");

        content.Position = 0;
        return await CreateAsync(request, content, name!, sizeGb!.Value, id, tags.Tags ?? new Dictionary<string, string>());
    }

    /// <summary>0.2.0: fields are read in order, so name and size_gb must come before content.</summary>
    public static async Task<IResult> CreateFromMultipartAsync(ApiRequest request)
    {
        List<(string Name, byte[] Data)> parts;
        try
        {
            parts = await ReadPartsAsync(request.Http.Request, request.Aborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            return ApiResults.Error(400, "invalid_form", "failed to parse multipart form: " + e.Message);
        }

        // What the OpenAPI validator checks first: the three required fields and the integer type.
        foreach (var required in new[] { "name", "size_gb", "content" })
        {
            if (parts.All(p => p.Name != required))
                return ApiResults.ValidationFailed($"request body has an error: doesn't match schema: Error at \"/{required}\": property \"{required}\" is missing");
        }
        if (parts.Where(p => p.Name == "size_gb").Any(p => !long.TryParse(Encoding.UTF8.GetString(p.Data), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            return ApiResults.ValidationFailed("request body has an error: doesn't match schema: Error at \"/size_gb\": value must be an integer");

        string? name = null, id = null;
        long? sizeGb = null;
        foreach (var (field, data) in parts)
        {
            switch (field)
            {
                case "name":
                    name = Encoding.UTF8.GetString(data);
                    break;
                case "size_gb":
                    var size = long.Parse(Encoding.UTF8.GetString(data), CultureInfo.InvariantCulture);
                    if (size <= 0) return ApiResults.Error(400, "invalid_field", "size_gb must be a positive integer");
                    sizeGb = size;
                    break;
                case "id":
                    id = Encoding.UTF8.GetString(data);
                    break;
                case "content":
                    if (name is null) return ApiResults.Error(400, "missing_field", "name is required");
                    if (sizeGb is null) return ApiResults.Error(400, "missing_field", "size_gb is required");
                    using (var content = new MemoryStream(data))
                        return await CreateAsync(request, content, name, sizeGb.Value, id, new Dictionary<string, string>());
            }
        }
        return ApiResults.Error(400, "missing_file", "content file is required for multipart requests");
    }

    private static async Task<IResult> CreateAsync(ApiRequest request, Stream archive, string name, long sizeGb, string? id,
        IReadOnlyDictionary<string, string> tags)
    {
        if (!string.IsNullOrEmpty(id) && request.Store.Run(state => state.Volumes.ContainsKey(id))) return VolumeRoutes.AlreadyExists();
        long contentBytes;
        try
        {
            contentBytes = await TarGzArchive.MeasureAsync(archive, sizeGb * ByteSize.GB, request.Aborted);
        }
        catch (ArchiveException e)
        {
            return e.TooLarge ? ApiResults.Error(400, "archive_too_large", e.Message) : ApiResults.InternalError("failed to create volume");
        }
        return request.Store.Run(state => VolumeRoutes.Add(state, id, name, TarGzArchive.SizeGbFor(contentBytes), tags));
    }

    private static async Task<List<(string Name, byte[] Data)>> ReadPartsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new InvalidDataException("no multipart boundary");
        var reader = new MultipartReader(boundary, request.Body);
        var parts = new List<(string, byte[])>();
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            var field = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? "";
            using var data = new MemoryStream();
            await section.Body.CopyToAsync(data, cancellationToken);
            parts.Add((field, data.ToArray()));
        }
        return parts;
    }
}
