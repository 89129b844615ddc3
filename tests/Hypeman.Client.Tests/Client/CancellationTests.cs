using System.Diagnostics;
using System.Net;

namespace Hypeman.Client.Tests.Client;

public sealed class CancellationTests
{
    private static FakeServer Hanging() => new(async (_, _) =>
    {
        await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        return FakeServer.Json(HttpStatusCode.OK, "{}");
    });

    [Fact]
    public async Task Cancelling_stops_a_call_at_once()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Hanging().CreateClient().GetInstanceAsync("web-1", cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_request_timeout_ends_a_call_with_a_timeout_error()
    {
        var client = Hanging().CreateClient(TestConnections.Create(requestTimeout: TimeSpan.FromMilliseconds(300)));
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<HypemanTimeoutException>(() => client.GetInstanceAsync("web-1", CancellationToken.None));

        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_connect_timeout_is_a_connection_failure_within_the_limit()
    {
        // A listener whose accept queue is full makes the next connection attempt hang, on loopback.
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<System.Net.Sockets.Socket>();
        try
        {
            for (int i = 0; i < 8; i++)
            {
                var filler = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                fillers.Add(filler);
                var pending = filler.ConnectAsync(IPAddress.Loopback, port);
                if (await Task.WhenAny(pending, Task.Delay(300)) != pending) break; // the queue is full: connection attempts now hang
            }

            var connection = new HypemanConnection(new Uri($"http://127.0.0.1:{port}/"), ConnectionDefaults.ToSecureString("k"),
                connectTimeout: TimeSpan.FromSeconds(1), requestTimeout: TimeSpan.FromSeconds(5), maxRetries: 3, retryBaseDelay: TimeSpan.FromMilliseconds(1));
            var client = new HypemanClient(Hypeman.Client.Http.HypemanHttp.CreateClient(connection), connection);
            var clock = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<HypemanConnectionException>(() => client.GetInstanceAsync("web-1", CancellationToken.None));

            Assert.Contains("within 1 s", ex.Message);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 3.5); // one attempt: connect timeouts are not retried
        }
        finally
        {
            foreach (var filler in fillers) filler.Dispose();
        }
    }
}
