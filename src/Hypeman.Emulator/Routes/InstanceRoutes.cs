using Hypeman.Emulator.Http;
using Hypeman.Emulator.Json;
using Hypeman.Emulator.State;
using Hypeman.Emulator.Validation;

namespace Hypeman.Emulator.Routes;

/// <summary>Instances: list (state and tag filters in 0.3.0), create, get, delete.</summary>
internal static class InstanceRoutes
{
    public static void Register(Router router)
    {
        router.Add("GET", "/instances", List);
        router.Add("POST", "/instances", Create);
        router.Add("GET", "/instances/{id}", Get);
        router.Add("DELETE", "/instances/{id}", Delete);
    }

    /// <summary>
    /// Resolves {id} (ID, name, ID prefix) and runs <paramref name="action"/> under the store lock;
    /// the shared shape of every per-instance handler.
    /// </summary>
    public static IResult WithInstance(ApiRequest request, Func<StoreState, InstanceRecord, IResult> action) =>
        request.Store.Run(state =>
        {
            var instance = state.ResolveInstance(request.Route("id"));
            return instance.Error is { } error ? error.ToResult() : action(state, instance.Value!);
        });

    /// <summary>Runs a state change and answers 200 with the instance, or with the change's error.</summary>
    public static IResult Change(StoreState state, InstanceRecord instance, Func<ApiError?> change) =>
        change() is { } error ? error.ToResult() : ApiResults.Json(200, InstanceJson.From(instance, state));

    private static Task<IResult> List(ApiRequest request)
    {
        string? stateFilter = null;
        IReadOnlyDictionary<string, string>? tagFilter = null;
        if (!request.IsV020) // 0.2.0 has neither filter and ignores the parameters
        {
            var (value, stateError) = QueryParameters.String(request.Http.Request, "state",
                new StringSchema { Enum = Schemas.InstanceStatesV030 });
            if (stateError is not null) return Task.FromResult(stateError);
            stateFilter = value;
            var tags = QueryParameters.Tags(request.Http.Request);
            if (tags.Error is not null) return Task.FromResult(tags.Error);
            tagFilter = tags.Tags;
        }
        return Task.FromResult(request.Store.Run(state => ApiResults.Json(200, InstanceJson.List(
            state.Instances.Values.Where(i =>
                (stateFilter is null || i.State == stateFilter) && QueryParameters.Matches(tagFilter, i.Tags)),
            state))));
    }

    private static async Task<IResult> Create(ApiRequest request)
    {
        var schema = request.IsV020 ? Schemas.CreateInstanceV020 : Schemas.CreateInstanceV030;
        var body = await RequestBody.ReadJsonAsync(request.Http, schema, "CreateInstanceRequest", required: true);
        if (body.Error is not null) return body.Error;
        var spec = CreateInstanceSpec.FromJson(body.Body!.Value, request.IsV020);
        return request.Store.Run(state =>
        {
            var (instance, error) = InstanceFactory.Create(state, spec, InstanceLifecycle.BootDelay(state));
            return error is not null ? error.ToResult() : ApiResults.Json(201, InstanceJson.From(instance!, state));
        });
    }

    private static Task<IResult> Get(ApiRequest request) =>
        Task.FromResult(WithInstance(request, (state, instance) => ApiResults.Json(200, InstanceJson.From(instance, state))));

    private static Task<IResult> Delete(ApiRequest request) =>
        Task.FromResult(WithInstance(request, (state, instance) =>
        {
            InstanceLifecycle.Delete(state, instance);
            return ApiResults.NoContent();
        }));
}
