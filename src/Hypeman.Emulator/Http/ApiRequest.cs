namespace Hypeman.Emulator.Http;

/// <summary>A request that matched a route and passed authentication.</summary>
internal sealed class ApiRequest(HttpContext http, IReadOnlyDictionary<string, string> routeValues, EmulatorRuntime runtime)
{
    public HttpContext Http { get; } = http;

    public EmulatorRuntime Runtime { get; } = runtime;

    public State.EmulatorStore Store => Runtime.Store;

    public bool IsV020 => Runtime.Options.ApiVersion == ApiVersion.V020;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>A path parameter, already percent-decoded.</summary>
    public string Route(string name) => routeValues[name];
}
