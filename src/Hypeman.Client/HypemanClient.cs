using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hypeman.Http;
using Hypeman.Serialization;

namespace Hypeman;

/// <summary>
/// The typed Hypeman API client. Cheap to create: it wraps a pooled <see cref="HttpClient"/>
/// (from Hypeman.Client.Http), a connection and an optional observer for one caller.
/// Every method is async, takes a cancellation token and maps failures to
/// <see cref="HypemanException"/> subclasses.
/// </summary>
public sealed partial class HypemanClient
{
    public const string ApiVersion030 = "0.3.0";
    public const string ApiVersion020 = "0.2.0";

    /// <summary>Longest wait the server grants in one /wait call.</summary>
    public static readonly TimeSpan ServerWaitCap = TimeSpan.FromMinutes(5);

    private const int MaxErrorBodyChars = 16 * 1024;

    // What older servers lack is a fact about the server, so it is shared by all callers.
    private static readonly ConcurrentDictionary<string, string> s_detectedVersions = new(StringComparer.Ordinal);

    private static readonly HypemanJsonContext Json = HypemanJsonContext.Default;

    private readonly HttpClient _http;
    private readonly IRequestObserver? _observer;

    public HypemanClient(HttpClient http, HypemanConnection connection, IRequestObserver? observer = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _observer = observer;
    }

    public HypemanConnection Connection { get; }

    // ---- Server -------------------------------------------------------------------------

    /// <summary><c>GET /health</c> (no authentication needed).</summary>
    public Task<Health> GetHealthAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "health", null, Json.Health, cancellationToken);

    /// <summary>
    /// The server's API version: the connection's if Connect-Hypeman detected it, else found once
    /// per server by whether <c>GET /capabilities</c> (which only 0.3.0 has) exists.
    /// </summary>
    public async Task<string> GetApiVersionAsync(CancellationToken cancellationToken)
    {
        if (Connection.ApiVersion is { } known) return known;
        if (s_detectedVersions.TryGetValue(Connection.BaseUrl.AbsoluteUri, out var detected)) return detected;
        return await ProbeApiVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Proves the API key with one authenticated call and returns the server's API version:
    /// <c>GET /capabilities</c> on 0.3.0; on older servers, whose router answers that path before
    /// checking the key, <c>GET /resources</c>. Only the status matters, not the answer's shape.
    /// </summary>
    public async Task<string> VerifyAccessAsync(CancellationToken cancellationToken)
    {
        var version = await ProbeApiVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version == ApiVersion020)
            await SendAsync(HttpMethod.Get, "resources", null, Json.JsonElement, cancellationToken).ConfigureAwait(false);
        return version;
    }

    private async Task<string> ProbeApiVersionAsync(CancellationToken cancellationToken)
    {
        string version;
        try
        {
            await SendAsync(HttpMethod.Get, "capabilities", null, Json.JsonElement, cancellationToken).ConfigureAwait(false);
            version = ApiVersion030;
        }
        catch (HypemanApiException ex) when (IsMissingRoute(ex))
        {
            version = ApiVersion020;
        }
        s_detectedVersions[Connection.BaseUrl.AbsoluteUri] = version;
        return version;
    }

    // ---- Instances ----------------------------------------------------------------------

    /// <summary><c>GET /instances</c>, streamed: items are yielded as they are parsed.</summary>
    public IAsyncEnumerable<Instance> ListInstancesAsync(string? state, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken) =>
        StreamArrayAsync("instances" + Query.Build(("state", state)).WithTags(tags), Json.Instance, cancellationToken);

    /// <summary><c>GET /instances/{id}</c>; the server resolves an ID, a name or a unique ID prefix.</summary>
    public Task<Instance> GetInstanceAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "instances/" + Segment(id), null, Json.Instance, cancellationToken);

    /// <summary><c>POST /instances</c>. Never retried once it may have reached the server.</summary>
    public Task<Instance> CreateInstanceAsync(CreateInstanceRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "instances", JsonBody(request, Json.CreateInstanceRequest), Json.Instance, cancellationToken);

    /// <summary><c>DELETE /instances/{id}</c> (any state).</summary>
    public Task DeleteInstanceAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, "instances/" + Segment(id), null, cancellationToken);

    /// <summary><c>POST /instances/{id}/start</c>. 0.3.0 requires a JSON body; 0.2.0 ignores it, so one is always sent.</summary>
    public Task<Instance> StartInstanceAsync(string id, StartInstanceRequest? request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"instances/{Segment(id)}/start", JsonBody(request ?? new StartInstanceRequest(), Json.StartInstanceRequest), Json.Instance, cancellationToken);

    /// <summary><c>POST /instances/{id}/stop</c>.</summary>
    public Task<Instance> StopInstanceAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"instances/{Segment(id)}/stop", null, Json.Instance, cancellationToken);

    /// <summary><c>POST /instances/{id}/standby</c>, with an optional body.</summary>
    public Task<Instance> StandbyInstanceAsync(string id, StandbyInstanceRequest? request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"instances/{Segment(id)}/standby", request is null ? null : JsonBody(request, Json.StandbyInstanceRequest), Json.Instance, cancellationToken);

    /// <summary><c>POST /instances/{id}/restore</c>.</summary>
    public Task<Instance> RestoreInstanceAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"instances/{Segment(id)}/restore", null, Json.Instance, cancellationToken);

    /// <summary>
    /// Waits until the instance is in <paramref name="state"/>, the timeout passes, or the server
    /// reports a state it will not leave. Uses the server's <c>/wait</c> (0.3.0, at most five
    /// minutes per call, repeated) and falls back to polling <c>GET /instances/{id}</c> on 0.2.0.
    /// </summary>
    public async Task<InstanceWaitResult> WaitForInstanceStateAsync(string id, string state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var activity = $"Waiting for instance '{id}' to be {state}";
        bool serverWait = await GetApiVersionAsync(cancellationToken).ConfigureAwait(false) != ApiVersion020;
        string current = "";
        var pollDelay = TimeSpan.FromMilliseconds(250);
        try
        {
            while (true)
            {
                var remaining = timeout - clock.Elapsed;
                if (serverWait)
                {
                    var slice = remaining < ServerWaitCap ? remaining : ServerWaitCap;
                    if (slice < TimeSpan.FromSeconds(1)) slice = TimeSpan.FromSeconds(1);
                    var callStarted = clock.Elapsed;
                    var answer = await TryServerWaitAsync(id, state, slice, cancellationToken).ConfigureAwait(false);
                    if (answer is null) { serverWait = false; continue; } // the route is missing: an older server
                    current = answer.State;
                    if (current == state) return new InstanceWaitResult(current, false, clock.Elapsed, answer.StateError);
                    if (!answer.TimedOut) return new InstanceWaitResult(current, false, clock.Elapsed, answer.StateError); // a state it will not leave
                    // A server that says "timed out" without holding the call would make this loop spin: pace it.
                    if (clock.Elapsed - callStarted < slice / 2 && clock.Elapsed < timeout)
                        await PauseAsync(ref pollDelay, timeout - clock.Elapsed, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var instance = await GetInstanceAsync(id, cancellationToken).ConfigureAwait(false);
                    current = instance.State;
                    if (current == state || WaitEndsIn(current)) return new InstanceWaitResult(current, false, clock.Elapsed, instance.StateError);
                }

                if (clock.Elapsed >= timeout) return new InstanceWaitResult(current, true, clock.Elapsed, null);
                _observer?.Progress(new TransferProgress(activity, $"Current state {current}; {clock.Elapsed.TotalSeconds:0} of {timeout.TotalSeconds:0} s",
                    (long)clock.Elapsed.TotalSeconds, (long)timeout.TotalSeconds));
                if (!serverWait) await PauseAsync(ref pollDelay, timeout - clock.Elapsed, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _observer?.Progress(new TransferProgress(activity, "Done", (long)clock.Elapsed.TotalSeconds, (long)timeout.TotalSeconds, Completed: true));
        }
    }

    /// <summary>States an instance does not leave by itself; the 0.3.0 server's wait ends in them too, and polling does the same.</summary>
    internal static bool WaitEndsIn(string state) => state is InstanceState.Stopped or InstanceState.Standby or InstanceState.Unknown;

    /// <summary>Waits between polls: 250 ms, doubling up to 2 s, never past the time left.</summary>
    private static Task PauseAsync(ref TimeSpan pollDelay, TimeSpan left, CancellationToken cancellationToken)
    {
        var delay = pollDelay < left ? pollDelay : left;
        pollDelay = TimeSpan.FromMilliseconds(Math.Min(pollDelay.TotalMilliseconds * 2, 2000));
        return delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;
    }

    private async Task<WaitForStateResponse?> TryServerWaitAsync(string id, string state, TimeSpan wait, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var path = $"instances/{Segment(id)}/wait" + Query.Build(("state", state), ("timeout", seconds.ToString(CultureInfo.InvariantCulture) + "s"));
        try
        {
            // The server holds the call open for up to `wait`; allow for that plus the usual limit.
            return await SendAsync(HttpMethod.Get, path, null, Json.WaitForStateResponse, cancellationToken,
                timeout: TimeSpan.FromSeconds(seconds) + Connection.RequestTimeout).ConfigureAwait(false);
        }
        catch (HypemanApiException ex) when (IsMissingRoute(ex))
        {
            s_detectedVersions[Connection.BaseUrl.AbsoluteUri] = ApiVersion020;
            return null;
        }
    }

    // ---- Volumes ------------------------------------------------------------------------

    /// <summary><c>GET /volumes</c>, streamed.</summary>
    public IAsyncEnumerable<Volume> ListVolumesAsync(IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken) =>
        StreamArrayAsync("volumes" + Query.Build().WithTags(tags), Json.Volume, cancellationToken);

    /// <summary><c>GET /volumes/{id}</c>; the server resolves an ID or a name.</summary>
    public Task<Volume> GetVolumeAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "volumes/" + Segment(id), null, Json.Volume, cancellationToken);

    /// <summary><c>POST /volumes</c> with a JSON body.</summary>
    public Task<Volume> CreateVolumeAsync(CreateVolumeRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "volumes", JsonBody(request, Json.CreateVolumeRequest), Json.Volume, cancellationToken);

    /// <summary>
    /// Creates a volume from a tar.gz archive: <c>POST /volumes/from-archive</c> with the raw
    /// gzip body on 0.3.0, multipart <c>POST /volumes</c> on 0.2.0. The server version is known
    /// before the upload starts, so the archive is sent once.
    /// </summary>
    public async Task<Volume> CreateVolumeFromArchiveAsync(string name, long sizeGB, string? id, IReadOnlyDictionary<string, string>? tags,
        Stream archive, string archiveName, CancellationToken cancellationToken)
    {
        var activity = $"Uploading {archiveName}";
        var body = new ProgressContent(archive, activity, _observer);
        HttpContent content;
        string path;
        if (await GetApiVersionAsync(cancellationToken).ConfigureAwait(false) == ApiVersion020)
        {
            // The 0.2.0 server reads the parts in order and needs name and size_gb before content.
            var form = new MultipartFormDataContent
            {
                { new StringContent(name), "name" },
                { new StringContent(sizeGB.ToString(CultureInfo.InvariantCulture)), "size_gb" },
            };
            if (!string.IsNullOrEmpty(id)) form.Add(new StringContent(id), "id");
            body.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
            form.Add(body, "content", Path.GetFileName(archiveName));
            content = form;
            path = "volumes";
        }
        else
        {
            body.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
            content = body;
            path = "volumes/from-archive" + Query.Build(("name", name), ("size_gb", sizeGB.ToString(CultureInfo.InvariantCulture)), ("id", id)).WithTags(tags);
        }
        // Uploads take as long as they take: no overall limit, Ctrl+C still stops them.
        return await SendAsync(HttpMethod.Post, path, content, Json.Volume, cancellationToken,
            timeout: Timeout.InfiniteTimeSpan, expectContinue: true).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /volumes/{id}</c>.</summary>
    public Task DeleteVolumeAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, "volumes/" + Segment(id), null, cancellationToken);

    /// <summary><c>POST /instances/{id}/volumes/{volumeId}</c>; returns the updated instance.</summary>
    public Task<Instance> AttachVolumeAsync(string instanceId, string volumeId, AttachVolumeRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"instances/{Segment(instanceId)}/volumes/{Segment(volumeId)}", JsonBody(request, Json.AttachVolumeRequest), Json.Instance, cancellationToken);

    /// <summary><c>DELETE /instances/{id}/volumes/{volumeId}</c> (no body); returns the updated instance.</summary>
    public Task<Instance> DetachVolumeAsync(string instanceId, string volumeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"instances/{Segment(instanceId)}/volumes/{Segment(volumeId)}", null, Json.Instance, cancellationToken);

    // ---- Plumbing -----------------------------------------------------------------------

    /// <summary>A path segment: IDs, names and image references (which hold '/' and ':') are escaped whole.</summary>
    internal static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>chi's own 404 for a path it has no route for: plain text, no JSON code.</summary>
    internal static bool IsMissingRoute(HypemanApiException ex) =>
        (ex.StatusCode == 404 && ex.ErrorCode is null) || ex.StatusCode == 405;

    private static HttpContent JsonBody<T>(T value, JsonTypeInfo<T> info)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, info));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> info,
        CancellationToken cancellationToken, TimeSpan? timeout = null, bool expectContinue = false)
    {
        using var call = new Call(this, method, path, content, timeout, expectContinue, cancellationToken);
        using var response = await call.SendAsync().ConfigureAwait(false);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(call.Token).ConfigureAwait(false);
            var value = await JsonSerializer.DeserializeAsync(stream, info, call.Token).ConfigureAwait(false);
            return value ?? throw new HypemanProtocolException($"The server answered {method} {call.Uri} with an empty body.", method.Method, call.Uri);
        }
        catch (Exception ex) when (call.Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    private async Task SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var call = new Call(this, method, path, content, null, false, cancellationToken);
        using var response = await call.SendAsync().ConfigureAwait(false);
    }

    private async IAsyncEnumerable<T> StreamArrayAsync<T>(string path, JsonTypeInfo<T> info, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = new Call(this, HttpMethod.Get, path, null, null, false, cancellationToken);
        using var response = await call.SendAsync().ConfigureAwait(false);
        IAsyncEnumerator<T?> items;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(call.Token).ConfigureAwait(false);
            items = JsonSerializer.DeserializeAsyncEnumerable(stream, info, call.Token).GetAsyncEnumerator(call.Token);
        }
        catch (Exception ex) when (call.Translate(ex) is { } translated)
        {
            throw translated;
        }
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                T? item;
                try
                {
                    if (!await items.MoveNextAsync().ConfigureAwait(false)) yield break;
                    item = items.Current;
                }
                catch (Exception ex) when (call.Translate(ex) is { } translated)
                {
                    throw translated;
                }
                if (item is not null) yield return item;
            }
        }
    }

    /// <summary>
    /// One API call: builds the request with its per-call context, applies the time limit
    /// (linked to the caller's token so Ctrl+C still wins), and maps failures.
    /// </summary>
    private sealed class Call : IDisposable
    {
        private readonly HypemanClient _client;
        private readonly HttpRequestMessage _request;
        private readonly CancellationToken _callerToken;
        private readonly CancellationTokenSource _limit;
        private readonly TimeSpan _timeout;

        public Call(HypemanClient client, HttpMethod method, string path, HttpContent? content, TimeSpan? timeout, bool expectContinue, CancellationToken callerToken)
        {
            _client = client;
            _callerToken = callerToken;
            _timeout = timeout ?? client.Connection.RequestTimeout;
            _limit = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            if (_timeout != Timeout.InfiniteTimeSpan) _limit.CancelAfter(_timeout);
            Uri = new Uri(client.Connection.BaseUrl, path);
            _request = new HttpRequestMessage(method, Uri) { Content = content };
            if (expectContinue) _request.Headers.ExpectContinue = true;
            _request.Options.Set(RequestContext.Key, new RequestContext(client.Connection.ApiKey, client._observer));
        }

        public Uri Uri { get; }
        public CancellationToken Token => _limit.Token;
        private string Method => _request.Method.Method;

        public async Task<HttpResponseMessage> SendAsync()
        {
            HttpResponseMessage response;
            try
            {
                response = await _client._http.SendAsync(_request, HttpCompletionOption.ResponseHeadersRead, Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (Translate(ex) is { } translated)
            {
                throw translated;
            }
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                throw await ReadErrorAsync(response).ConfigureAwait(false);
            }
        }

        /// <summary>Maps a transport or parsing failure; null leaves it as it is (the caller's own cancellation).</summary>
        public Exception? Translate(Exception ex)
        {
            switch (ex)
            {
                case HypemanException:
                    return null;
                case OperationCanceledException when _callerToken.IsCancellationRequested:
                    return null; // Ctrl+C: the cmdlet layer turns this into a pipeline stop
                case OperationCanceledException when _limit.IsCancellationRequested:
                    return new HypemanTimeoutException(
                        $"{Method} {Uri} did not finish within {_timeout.TotalSeconds:0.#} s.", Method, Uri, _timeout);
                case OperationCanceledException { InnerException: TimeoutException }:
                    return new HypemanConnectionException(
                        $"Could not connect to the Hypeman server at {_client.Connection.BaseUrl} within {_client.Connection.ConnectTimeout.TotalSeconds:0.#} s.",
                        Method, Uri, ex);
                case HttpRequestException http:
                    return new HypemanConnectionException(
                        $"Could not reach the Hypeman server at {_client.Connection.BaseUrl}: {Innermost(http).Message}", Method, Uri, ex);
                case JsonException json:
                    return new HypemanProtocolException(
                        $"The server's answer to {Method} {Uri} is not the JSON this client expects: {json.Message}", Method, Uri, ex);
                case IOException io:
                    return new HypemanConnectionException(
                        $"The connection to {_client.Connection.BaseUrl} failed while reading the answer to {Method} {Uri}: {io.Message}", Method, Uri, ex);
                default:
                    return null;
            }
        }

        private async Task<HypemanApiException> ReadErrorAsync(HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            string body = "";
            try { body = await ReadLimitedAsync(response.Content, Token).ConfigureAwait(false); }
            catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException) { /* the status line still tells */ }

            var (code, message) = ParseError(body);
            if (string.IsNullOrWhiteSpace(message))
                message = $"{status} {response.ReasonPhrase ?? ((HttpStatusCode)status).ToString()}";
            return new HypemanApiException(status, code, message!, Method, Uri, body, response.ReasonPhrase);
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException is not null) ex = ex.InnerException;
            return ex;
        }

        public void Dispose()
        {
            _request.Dispose();
            _limit.Dispose();
        }
    }

    /// <summary>
    /// Reads the server's <c>{code, message}</c>. The real server builds some of these bodies by
    /// hand without escaping quotes, and sends plain-text 404s, so anything that does not parse
    /// becomes the message as it came.
    /// </summary>
    internal static (string? Code, string? Message) ParseError(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                var error = JsonSerializer.Deserialize(trimmed, Json.ApiError);
                if (error is not null && (error.Code is not null || error.Message is not null))
                    return (string.IsNullOrEmpty(error.Code) ? null : error.Code, string.IsNullOrEmpty(error.Message) ? error.Code : error.Message);
            }
            catch (JsonException)
            {
                // fall through: show the raw text
            }
        }
        return (null, trimmed.Length == 0 ? null : trimmed);
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[MaxErrorBodyChars];
        int total = 0, read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            total += read;
        return new string(buffer, 0, total);
    }
}

/// <summary>How a wait ended.</summary>
/// <param name="State">The instance's state when the wait ended.</param>
/// <param name="TimedOut">True when the time ran out first.</param>
/// <param name="Elapsed">How long the wait took.</param>
/// <param name="StateError">The server's explanation when the state is Unknown.</param>
public sealed record InstanceWaitResult(string State, bool TimedOut, TimeSpan Elapsed, string? StateError);
