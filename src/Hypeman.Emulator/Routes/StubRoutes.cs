using System.Text.Json.Nodes;
using Hypeman.Emulator.Http;

namespace Hypeman.Emulator.Routes;

/// <summary>
/// The spec's other routes, so that they exist (auth, 405 for other methods) even though the emulator
/// does not model them: collections the emulator never fills list as [], their items are 404, and
/// anything that would change or stream them answers 501 emulator_not_implemented.
/// </summary>
internal static class StubRoutes
{
    public static void Register(Router router, ApiVersion version)
    {
        var v030 = version == ApiVersion.V030;

        // Sub-resources of instances: resolve the instance first (404/409 as usual), then 501.
        foreach (var (method, path) in new[]
                 {
                     ("GET", "/instances/{id}/logs"), ("GET", "/instances/{id}/stat"),
                     ("GET", "/instances/{id}/exec"), ("GET", "/instances/{id}/cp"),
                 })
        {
            router.Add(method, path, InstanceThenNotImplemented);
        }
        if (v030)
        {
            foreach (var (method, path) in new[]
                     {
                         ("PATCH", "/instances/{id}"), ("POST", "/instances/{id}/fork"), ("POST", "/instances/{id}/snapshots"),
                         ("GET", "/instances/{id}/snapshot-schedule"), ("PUT", "/instances/{id}/snapshot-schedule"),
                         ("DELETE", "/instances/{id}/snapshot-schedule"), ("POST", "/instances/{id}/snapshots/{snapshotId}/restore"),
                         ("GET", "/instances/{id}/auto-standby/status"), ("POST", "/instances/{id}/auto-standby/hold"),
                         ("GET", "/instances/{id}/stats"),
                     })
            {
                router.Add(method, path, InstanceThenNotImplemented);
            }
        }

        var collections = new List<(string Collection, string ItemMessage)>
        {
            ("/devices", "device not found"), ("/ingresses", "resource not found"), ("/builds", "build not found"),
        };
        if (v030) collections.AddRange([("/snapshots", "snapshot not found"), ("/builders", "builder not found"), ("/pushes", "push not found")]);
        foreach (var (collection, itemMessage) in collections)
        {
            router.Add("GET", collection, _ => Task.FromResult(ApiResults.Json(200, new JsonArray())));
            router.Add("POST", collection, NotImplemented);
            router.Add("GET", collection + "/{id}", _ => Task.FromResult(ApiResults.Error(404, "not_found", itemMessage)));
            if (collection != "/pushes") router.Add("DELETE", collection + "/{id}", _ => Task.FromResult(ApiResults.Error(404, "not_found", itemMessage)));
        }
        router.Add("GET", "/devices/available", _ => Task.FromResult(ApiResults.Json(200, new JsonArray())));
        router.Add("GET", "/builds/{id}/events", _ => Task.FromResult(ApiResults.Error(404, "not_found", "build not found")));
        if (v030)
        {
            router.Add("POST", "/builders/{id}/prune", _ => Task.FromResult(ApiResults.Error(404, "not_found", "builder not found")));
            router.Add("POST", "/snapshots/{id}/fork", _ => Task.FromResult(ApiResults.Error(404, "not_found", "snapshot not found")));
            router.Add("POST", "/resources/memory/reclaim", NotImplemented);
        }
    }

    private static Task<IResult> NotImplemented(ApiRequest request) => Task.FromResult(NotImplementedResult());

    private static Task<IResult> InstanceThenNotImplemented(ApiRequest request) =>
        Task.FromResult(InstanceRoutes.WithInstance(request, (_, _) => NotImplementedResult()));

    private static IResult NotImplementedResult() =>
        ApiResults.Error(501, "emulator_not_implemented", "this endpoint is not implemented by the Hypeman emulator");
}
