using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hypeman.Emulator;
using Hypeman.Emulator.Auth;
using Microsoft.AspNetCore.Builder;

namespace Hypeman.Emulator.Tests;

/// <summary>A real emulator on a free loopback port, hosted in-process, with clients for it.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public const string Secret = "emulator-test-secret";

    private readonly WebApplication _app;

    private TestEmulator(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        Token = JwtIssuer.Issue(Secret, "tests", TimeSpan.FromHours(1));
        Client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Anonymous = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUri { get; }

    public string Token { get; }

    /// <summary>Sends a valid bearer token.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no Authorization header.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>Starts one; image pulls take 2 s unless configured, so "pending" is observable on a busy machine.</summary>
    public static async Task<TestEmulator> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { JwtSecret = Secret, JwtSecretSource = JwtSecretSource.Option, ImagePullDelayMs = 2000 };
        if (configure is not null) options = configure(options);
        var app = EmulatorHost.Build(options);
        var uri = await EmulatorHost.StartAsync(app);
        return new TestEmulator(app, uri);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => Client.PostAsJsonAsync(path, body);

    /// <summary>Posts JSON text as-is (for bodies an object cannot express, such as wrong types).</summary>
    public Task<HttpResponseMessage> PostRawAsync(string path, string json, string contentType = "application/json") =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, contentType));

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    /// <summary>Creates an instance (alpine unless given) and returns its JSON; fails the test unless 201.</summary>
    public async Task<JsonElement> CreateInstanceAsync(string name, Dictionary<string, object?>? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["image"] = "alpine" };
        foreach (var (key, value) in extra ?? []) body[key] = value;
        using var response = await PostJsonAsync("/instances", body);
        var json = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create {name}: {(int)response.StatusCode} {json}");
        return json;
    }

    public async Task<JsonElement> CreateVolumeAsync(string name, int sizeGb = 1, string? id = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["size_gb"] = sizeGb };
        if (id is not null) body["id"] = id;
        using var response = await PostJsonAsync("/volumes", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public Task<HttpResponseMessage> ActionAsync(string instance, string action) =>
        Client.PostAsync($"/instances/{instance}/{action}", JsonContent.Create(new { }));

    /// <summary>POST /_emulator/... with a JSON body.</summary>
    public Task<HttpResponseMessage> AdminPostAsync(string path, object body) => Anonymous.PostAsJsonAsync("/_emulator/" + path, body);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and the Error body's code (and message when given).</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? message = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        if (message is not null) Assert.Equal(message, json.RootElement.GetProperty("message").GetString());
    }

    /// <summary>A tar.gz with one regular file per entry.</summary>
    public static byte[] TarGz(params (string Name, int Size)[] files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "data/"));
            foreach (var (name, size) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(new byte[size]) });
            }
        }
        return output.ToArray();
    }
}
