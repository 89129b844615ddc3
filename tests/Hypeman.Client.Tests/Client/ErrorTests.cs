using System.Net;

namespace Hypeman.Client.Tests.Client;

public sealed class ErrorTests
{
    private static async Task<HypemanApiException> FailWith(HttpResponseMessage response)
    {
        var server = new FakeServer(_ => response);
        return await Assert.ThrowsAsync<HypemanApiException>(() => server.CreateClient().StopInstanceAsync("web-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_json_error_gives_status_code_and_message()
    {
        var ex = await FailWith(FakeServer.Json(HttpStatusCode.Conflict,
            """{"code":"invalid_state","message":"invalid state transition: cannot stop from state Stopped, must be Running"}"""));

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("invalid_state", ex.ErrorCode);
        Assert.Equal("invalid state transition: cannot stop from state Stopped, must be Running", ex.ServerMessage);
        Assert.Equal(ex.ServerMessage, ex.Message);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("http://hypeman.test:8080/instances/web-1/stop", ex.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task An_error_body_that_is_not_valid_json_becomes_the_message_as_it_came()
    {
        // The real validator writes kin-openapi messages with unescaped quotes.
        const string body = """{"code":"Bad Request","message":"request body has an error: Error at "/name": string doesn't match"}""";
        var ex = await FailWith(FakeServer.Json(HttpStatusCode.BadRequest, body));

        Assert.Equal(400, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal(body, ex.ServerMessage);
    }

    [Fact]
    public async Task A_plain_text_404_becomes_the_message()
    {
        var ex = await FailWith(FakeServer.Text(HttpStatusCode.NotFound, "404 page not found\n"));

        Assert.Equal(404, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("404 page not found", ex.ServerMessage);
    }

    [Fact]
    public async Task An_empty_error_body_falls_back_to_the_status_line()
    {
        var ex = await FailWith(new HttpResponseMessage(HttpStatusCode.MethodNotAllowed) { Content = new ByteArrayContent([]) });

        Assert.Equal(405, ex.StatusCode);
        Assert.Equal("405 Method Not Allowed", ex.ServerMessage);
    }

    [Fact]
    public async Task A_success_body_that_is_not_json_is_a_protocol_error()
    {
        var server = new FakeServer(_ => FakeServer.Json(HttpStatusCode.OK, "<html>proxy error</html>"));
        var ex = await Assert.ThrowsAsync<HypemanProtocolException>(() => server.CreateClient().GetInstanceAsync("web-1", CancellationToken.None));

        Assert.Contains("GET http://hypeman.test:8080/instances/web-1", ex.Message);
    }

    [Theory]
    [InlineData("""{"code":"not_found","message":"resource not found"}""", "not_found", "resource not found")]
    [InlineData("""{"code":"ambiguous"}""", "ambiguous", "ambiguous")]
    [InlineData("""{"message":"only a message"}""", null, "only a message")]
    [InlineData("""{"something":"else"}""", null, """{"something":"else"}""")]
    [InlineData("plain words", null, "plain words")]
    [InlineData("", null, null)]
    public void ParseError_reads_code_and_message_or_keeps_the_raw_text(string body, string? code, string? message)
    {
        Assert.Equal((code, message), HypemanClient.ParseError(body));
    }
}
