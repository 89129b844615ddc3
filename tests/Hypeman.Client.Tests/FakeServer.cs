using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Hypeman.Client.Http;
using Hypeman.Http;

namespace Hypeman.Client.Tests;

/// <summary>An in-process HTTP handler that answers from a script and records what it received.</summary>
internal sealed class FakeServer : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, Task<HttpResponseMessage>> _respond;

    public FakeServer(Func<RecordedRequest, int, Task<HttpResponseMessage>> respond) => _respond = respond;

    public FakeServer(Func<RecordedRequest, HttpResponseMessage> respond) : this((r, _) => Task.FromResult(respond(r))) { }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(), body);
        Requests.Enqueue(recorded);
        var response = await _respond(recorded, Requests.Count).WaitAsync(cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(HttpStatusCode status, string text) =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    /// <summary>A client over the module's real handler pipeline (auth, user agent, retry, logging) with this fake as the network.</summary>
    public HypemanClient CreateClient(HypemanConnection? connection = null, IRequestObserver? observer = null)
    {
        connection ??= TestConnections.Create();
        var http = new HttpClient(HypemanHttp.CreatePipeline(connection, this)) { Timeout = Timeout.InfiniteTimeSpan };
        return new HypemanClient(http, connection, observer);
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body)
{
    public string PathAndQuery => Uri.PathAndQuery;
}

internal static class TestConnections
{
    public const string Token = "test.jwt.token-value-that-must-never-leak";

    public static HypemanConnection Create(string baseUrl = "http://hypeman.test:8080/", int maxRetries = 3, TimeSpan? requestTimeout = null, string? apiVersion = null) =>
        new(new Uri(baseUrl), ConnectionDefaults.ToSecureString(Token), maxRetries: maxRetries,
            retryBaseDelay: TimeSpan.FromMilliseconds(1), requestTimeout: requestTimeout, apiVersion: apiVersion);
}

/// <summary>Collects what the client reports.</summary>
internal sealed class RecordingObserver : IRequestObserver
{
    public ConcurrentQueue<string> Verbose { get; } = new();
    public ConcurrentQueue<string> Debug { get; } = new();
    public ConcurrentQueue<TransferProgress> Progress { get; } = new();

    void IRequestObserver.Verbose(string message) => Verbose.Enqueue(message);
    void IRequestObserver.Debug(string message) => Debug.Enqueue(message);
    void IRequestObserver.Progress(TransferProgress progress) => Progress.Enqueue(progress);
}

internal static class Samples
{
    public static string Instance(string id = "inst0000000000000000000001", string name = "web-1", string state = "Running") => $$"""
        {"id":"{{id}}","name":"{{name}}","image":"docker.io/library/nginx:latest","state":"{{state}}","state_error":null,
         "size":"1024.0 MB","hotplug_size":"3.0 GB","overlay_size":"10.0 GB","vcpus":2,
         "network":{"enabled":true,"name":"default","ip":"10.100.0.3","mac":"02:00:00:00:00:01"},
         "volumes":[{"volume_id":"vol1","mount_path":"/var/log","readonly":false}],
         "created_at":"2026-01-15T10:30:00Z","expires_at":null,"started_at":"2026-01-15T10:30:05Z","stopped_at":null,
         "has_snapshot":false,"hypervisor":"cloud-hypervisor"}
        """;

    public static string Volume(string id = "vol1", string name = "logs") => $$"""
        {"id":"{{id}}","name":"{{name}}","size_gb":5,"created_at":"2026-01-15T09:00:00Z",
         "attachments":[{"instance_id":"inst0000000000000000000001","mount_path":"/var/log","readonly":false}]}
        """;
}
