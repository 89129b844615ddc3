using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hypeman.Emulator.Auth;

namespace Hypeman.Emulator.Tests;

public sealed class AuthTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<HttpResponseMessage> GetWithHeaderAsync(string path, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await _emulator.Anonymous.SendAsync(request);
    }

    [Fact]
    public async Task MissingHeaderGivesTheExactBody()
    {
        using var response = await _emulator.Anonymous.GetAsync("/instances");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"code\":\"Unauthorized\",\"message\":\"security requirements failed: authorization header required\"}",
            (await response.Content.ReadAsStringAsync()).TrimEnd('\n'));
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Token abc")]
    public async Task WrongSchemeOrShapeIsInvalidFormat(string header)
    {
        using var response = await GetWithHeaderAsync("/instances", header);
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized",
            "security requirements failed: invalid authorization header format");
    }

    public static TheoryData<string> InvalidTokens => new()
    {
        JwtIssuer.Issue("some-other-secret", "x", TimeSpan.FromHours(1)),
        JwtIssuer.Sign(TestEmulator.Secret, new JsonObject { ["sub"] = "x", ["exp"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds() }),
        JwtIssuer.Sign(TestEmulator.Secret, new JsonObject { ["sub"] = "x", ["nbf"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }),
        JwtIssuer.Sign(TestEmulator.Secret, new JsonObject { ["sub"] = "x", ["exp"] = "tomorrow" }),
        "not-a-jwt",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
    };

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task BadSignatureExpiredNotYetValidOrMalformedIsInvalidToken(string token)
    {
        using var response = await GetWithHeaderAsync("/instances", "Bearer " + token);
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized", "security requirements failed: invalid token");
    }

    [Theory]
    [InlineData("repos")]
    [InlineData("scope")]
    [InlineData("build_id")]
    public async Task RegistryTokensAreRefused(string claim)
    {
        var token = JwtIssuer.Sign(TestEmulator.Secret, new JsonObject { ["sub"] = "builder", [claim] = "x" });
        using var response = await GetWithHeaderAsync("/instances", "Bearer " + token);
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized", "security requirements failed: invalid token type");
    }

    [Fact]
    public async Task TokenWithoutExpiryOtherHmacAlgorithmAndLowercaseSchemeAreAccepted()
    {
        var noExpiry = JwtIssuer.Sign(TestEmulator.Secret, new JsonObject { ["sub"] = "x" });
        var hs512 = JwtIssuer.Sign(TestEmulator.Secret, new JsonObject { ["sub"] = "x" }, "HS512");
        using var first = await GetWithHeaderAsync("/instances", "Bearer " + noExpiry);
        using var second = await GetWithHeaderAsync("/instances", "Bearer " + hs512);
        using var third = await GetWithHeaderAsync("/instances", "bearer " + _emulator.Token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task HealthNeedsNoTokenAndIgnoresABadOne()
    {
        using var response = await GetWithHeaderAsync("/health", "Bearer garbage");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await TestEmulator.ReadJsonAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AuthenticationComesBeforeResolutionButAfterRouting()
    {
        using var missingInstance = await _emulator.Anonymous.GetAsync("/instances/does-not-exist");
        Assert.Equal(HttpStatusCode.Unauthorized, missingInstance.StatusCode);
        using var unknownPath = await _emulator.Anonymous.GetAsync("/no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, unknownPath.StatusCode);
        using var invalidBody = await _emulator.Anonymous.PostAsync("/instances", new StringContent("{}", null, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, invalidBody.StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithTheConfiguredSecretWorksFromAnotherClient()
    {
        using var client = new HttpClient { BaseAddress = _emulator.BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JwtIssuer.Issue(TestEmulator.Secret, "me", TimeSpan.FromMinutes(5)));
        using var response = await client.GetAsync("/volumes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
