using System.IO.Pipelines;
using System.Net;
using System.Text;

namespace Hypeman.Client.Tests.Client;

public sealed class StreamingTests
{
    [Fact]
    public async Task List_items_arrive_before_the_whole_answer_has()
    {
        var pipe = new Pipe();
        var server = new FakeServer(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(pipe.Reader.AsStream()) { Headers = { ContentType = new("application/json") } },
        });
        var items = server.CreateClient().ListInstancesAsync(null, null, CancellationToken.None).GetAsyncEnumerator();

        // Send the first item and hold the rest back: the client must yield it already.
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("[" + Samples.Instance("a00000000000000000000001", "first") + ","));
        var first = items.MoveNextAsync().AsTask();
        var winner = await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(first, winner);
        Assert.True(await first);
        Assert.Equal("first", items.Current.Name);

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(Samples.Instance("a00000000000000000000002", "second") + "]"));
        await pipe.Writer.CompleteAsync();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("second", items.Current.Name);
        Assert.False(await items.MoveNextAsync());
        await items.DisposeAsync();
    }

    [Fact]
    public async Task A_list_cut_short_is_a_clean_client_error()
    {
        var server = new FakeServer(_ => FakeServer.Json(HttpStatusCode.OK, "[" + Samples.Instance() + ",{\"id\":"));
        var ex = await Assert.ThrowsAsync<HypemanProtocolException>(async () =>
        {
            await foreach (var _ in server.CreateClient().ListInstancesAsync(null, null, CancellationToken.None)) { }
        });
        Assert.Contains("GET http://hypeman.test:8080/instances", ex.Message);
    }
}
