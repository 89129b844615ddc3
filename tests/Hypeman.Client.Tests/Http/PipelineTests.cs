using System.Net;
using System.Net.Sockets;

namespace Hypeman.Client.Tests.Http;

public sealed class PipelineTests
{
    [Fact]
    public async Task Requests_carry_the_bearer_token_and_the_user_agent()
    {
        var server = new FakeServer(_ => FakeServer.Json(HttpStatusCode.OK, """{"status":"ok"}"""));
        await server.CreateClient().GetHealthAsync(CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer " + TestConnections.Token, request.Headers["Authorization"]);
        Assert.StartsWith("Hypeman.PowerShell/", request.Headers["User-Agent"]);
        Assert.Matches(@"^Hypeman\.PowerShell/\d+\.\d+\.\d+$", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task A_connection_without_a_key_sends_no_authorization()
    {
        var server = new FakeServer(_ => FakeServer.Json(HttpStatusCode.OK, """{"status":"ok"}"""));
        var connection = new HypemanConnection(new Uri("http://hypeman.test/"), null);
        await server.CreateClient(connection).GetHealthAsync(CancellationToken.None);

        Assert.False(Assert.Single(server.Requests).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Logging_reports_each_request_and_redacts_the_token()
    {
        var observer = new RecordingObserver();
        var server = new FakeServer(_ => FakeServer.Json(HttpStatusCode.OK, Samples.Instance()));
        await server.CreateClient(observer: observer).GetInstanceAsync("web-1", CancellationToken.None);

        Assert.Contains(observer.Verbose, line => line == "GET http://hypeman.test:8080/instances/web-1");
        Assert.Contains(observer.Verbose, line => line.StartsWith("200 OK from GET http://hypeman.test:8080/instances/web-1 in "));
        Assert.Contains(observer.Debug, line => line.Contains("Authorization: Bearer [redacted]"));
        var everything = string.Join("\n", observer.Verbose.Concat(observer.Debug));
        Assert.DoesNotContain(TestConnections.Token, everything);
        Assert.DoesNotContain("must-never-leak", everything);
    }

    [Fact]
    public async Task A_get_answered_503_is_retried_until_it_succeeds()
    {
        var observer = new RecordingObserver();
        var server = new FakeServer((_, n) => Task.FromResult(n <= 2
            ? WithRetryAfter(FakeServer.Text(HttpStatusCode.ServiceUnavailable, "busy"), 0)
            : FakeServer.Json(HttpStatusCode.OK, Samples.Instance())));
        var instance = await server.CreateClient(observer: observer).GetInstanceAsync("web-1", CancellationToken.None);

        Assert.Equal("web-1", instance.Name);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, observer.Verbose.Count(l => l.StartsWith("Retrying GET ")));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task A_post_that_may_have_reached_the_server_is_never_retried(HttpStatusCode status)
    {
        var server = new FakeServer(_ => FakeServer.Json(status, """{"code":"x","message":"no"}"""));
        var ex = await Assert.ThrowsAsync<HypemanApiException>(() => server.CreateClient().StopInstanceAsync("web-1", CancellationToken.None));

        Assert.Equal((int)status, ex.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_post_answered_429_is_retried()
    {
        var server = new FakeServer((_, n) => Task.FromResult(n == 1
            ? WithRetryAfter(FakeServer.Json(HttpStatusCode.TooManyRequests, """{"code":"rate_limited","message":"slow down"}"""), 0)
            : FakeServer.Json(HttpStatusCode.OK, Samples.Instance(state: "Stopped"))));
        var instance = await server.CreateClient().StopInstanceAsync("web-1", CancellationToken.None);

        Assert.Equal("Stopped", instance.State);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Not_implemented_is_never_retried()
    {
        var server = new FakeServer(_ => FakeServer.Json(HttpStatusCode.InternalServerError,
            """{"code":"not_implemented","message":"volume detachment not yet implemented"}"""));
        var ex = await Assert.ThrowsAsync<HypemanApiException>(() => server.CreateClient().DetachVolumeAsync("web-1", "logs", CancellationToken.None));

        Assert.True(ex.IsNotImplemented);
        Assert.Equal("not_implemented", ex.ErrorCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_count()
    {
        var server = new FakeServer(_ => WithRetryAfter(FakeServer.Text(HttpStatusCode.ServiceUnavailable, "busy"), 0));
        var ex = await Assert.ThrowsAsync<HypemanApiException>(() =>
            server.CreateClient(TestConnections.Create(maxRetries: 2)).GetInstanceAsync("web-1", CancellationToken.None));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(3, server.Requests.Count); // the first try and two retries
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_as_a_connection_failure()
    {
        int port = FreePort();
        var observer = new RecordingObserver();
        var connection = TestConnections.Create($"http://127.0.0.1:{port}/", maxRetries: 2);
        var client = new HypemanClient(Hypeman.Client.Http.HypemanHttp.CreateClient(connection), connection, observer);

        var ex = await Assert.ThrowsAsync<HypemanConnectionException>(() => client.GetInstanceAsync("web-1", CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        Assert.Equal(2, observer.Verbose.Count(l => l.StartsWith("Retrying GET ")));
    }

    [Fact]
    public async Task The_retry_waits_as_long_as_retry_after_says()
    {
        var server = new FakeServer((_, n) => Task.FromResult(n == 1
            ? WithRetryAfter(FakeServer.Text(HttpStatusCode.ServiceUnavailable, "busy"), 1)
            : FakeServer.Json(HttpStatusCode.OK, Samples.Instance())));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await server.CreateClient().GetInstanceAsync("web-1", CancellationToken.None);

        // The connection's own backoff is 1 ms, so only the header explains a pause of a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        Assert.Equal(2, server.Requests.Count);
    }

    internal static HttpResponseMessage WithRetryAfter(HttpResponseMessage response, int seconds)
    {
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
