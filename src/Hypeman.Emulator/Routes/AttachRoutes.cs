using Hypeman.Emulator.Http;
using Hypeman.Emulator.State;
using Hypeman.Emulator.Validation;

namespace Hypeman.Emulator.Routes;

/// <summary>
/// POST/DELETE /instances/{id}/volumes/{volumeId}. In "spec" mode they follow the spec's contract in any
/// instance state; in "not-implemented" mode they answer as today's server: the instance is resolved
/// (the volume is not) and then 500 not_implemented.
/// </summary>
internal static class AttachRoutes
{
    public static void Register(Router router)
    {
        router.Add("POST", "/instances/{id}/volumes/{volumeId}", AttachAsync);
        router.Add("DELETE", "/instances/{id}/volumes/{volumeId}", Detach);
    }

    private static async Task<IResult> AttachAsync(ApiRequest request)
    {
        var body = await RequestBody.ReadJsonAsync(request.Http, Schemas.AttachVolume, "AttachVolumeRequest", required: true);
        if (body.Error is not null) return body.Error;
        var mountPath = body.Body!.Value.GetProperty("mount_path").GetString()!;
        var readOnly = body.Body!.Value.TryGetProperty("readonly", out var ro) && ro.GetBoolean();

        return WithInstanceAndVolume(request, "volume attachment not yet implemented", (state, instance, volume) =>
        {
            var mount = new VolumeMountRecord(volume.Id, mountPath, readOnly, Overlay: false, OverlayBytes: 0);
            // Already attached here is the spec's 409; then the mount itself; then sharing with other instances.
            var error = instance.Volumes.Any(m => m.VolumeId == volume.Id)
                ? ApiError.Conflict("volume already attached to instance")
                : VolumeAttachments.CheckMounts([.. instance.Volumes, mount])
                  ?? VolumeAttachments.CheckShareable(state, volume.Id, instance.Id, readOnly);
            return InstanceRoutes.Change(state, instance, () =>
            {
                if (error is null) instance.Volumes.Add(mount);
                return error;
            });
        });
    }

    private static Task<IResult> Detach(ApiRequest request) =>
        Task.FromResult(WithInstanceAndVolume(request, "volume detachment not yet implemented", (state, instance, volume) =>
            InstanceRoutes.Change(state, instance, () =>
                instance.Volumes.RemoveAll(m => m.VolumeId == volume.Id) > 0
                    ? null
                    : new ApiError(404, "not_found", "volume not attached to instance"))));

    private static IResult WithInstanceAndVolume(ApiRequest request, string notImplementedMessage,
        Func<StoreState, InstanceRecord, VolumeRecord, IResult> action) =>
        InstanceRoutes.WithInstance(request, (state, instance) =>
        {
            if (state.Settings.VolumeOps == VolumeOpsMode.NotImplemented)
                return ApiResults.Error(500, "not_implemented", notImplementedMessage);
            var volume = state.ResolveVolume(request.Route("volumeId"));
            return volume.Error is { } error ? error.ToResult() : action(state, instance, volume.Value!);
        });
}
