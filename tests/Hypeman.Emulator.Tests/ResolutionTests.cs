using System.Net;

namespace Hypeman.Emulator.Tests;

/// <summary>ID → name → ID-prefix resolution, using a seed file so the IDs are known.</summary>
public sealed class ResolutionTests : IAsyncLifetime
{
    private const string Seed = """
        {
          "volumes": [
            {"id": "vol-one", "name": "shared-name", "size_gb": 1},
            {"id": "vol-two", "name": "shared-name", "size_gb": 2},
            {"id": "vol-three", "name": "unique", "size_gb": 3}
          ],
          "instances": [
            {"id": "abcaaaaaaaaaaaaaaaaaaaaa", "name": "alpha", "image": "alpine"},
            {"id": "abcbbbbbbbbbbbbbbbbbbbbb", "name": "beta", "image": "nginx", "state": "Stopped"},
            {"id": "zzzzzzzzzzzzzzzzzzzzzzzz", "name": "abcaaaaaaaaaaaaaaaaaaaaa", "image": "alpine", "network_enabled": false}
          ]
        }
        """;

    private TestEmulator _emulator = null!;
    private string _seedPath = "";

    public async Task InitializeAsync()
    {
        _seedPath = Path.Combine(Path.GetTempPath(), $"hypeman-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(_seedPath, Seed);
        _emulator = await TestEmulator.StartAsync(o => o with { Seed = _seedPath });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        File.Delete(_seedPath);
    }

    private async Task<string> ResolvedIdAsync(string reference) =>
        (await _emulator.GetJsonAsync("/instances/" + reference)).GetProperty("id").GetString()!;

    [Fact]
    public async Task ExactIdWinsOverANameThatLooksLikeIt()
    {
        Assert.Equal("abcaaaaaaaaaaaaaaaaaaaaa", await ResolvedIdAsync("abcaaaaaaaaaaaaaaaaaaaaa"));
    }

    [Fact]
    public async Task NameThenUniquePrefix()
    {
        Assert.Equal("abcbbbbbbbbbbbbbbbbbbbbb", await ResolvedIdAsync("beta"));
        Assert.Equal("abcbbbbbbbbbbbbbbbbbbbbb", await ResolvedIdAsync("abcb"));
        Assert.Equal("zzzzzzzzzzzzzzzzzzzzzzzz", await ResolvedIdAsync("z"));
    }

    [Fact]
    public async Task SharedPrefixIsAmbiguousAndUnknownIsNotFound()
    {
        using var ambiguous = await _emulator.Client.GetAsync("/instances/abc");
        await TestEmulator.AssertErrorAsync(ambiguous, HttpStatusCode.Conflict, "ambiguous", "multiple resources match, use full ID");
        using var missing = await _emulator.Client.GetAsync("/instances/nothing-here");
        await TestEmulator.AssertErrorAsync(missing, HttpStatusCode.NotFound, "not_found", "resource not found");
    }

    [Fact]
    public async Task ResolutionAppliesToActionsToo()
    {
        using var stop = await _emulator.ActionAsync("alpha", "stop");
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        using var ambiguous = await _emulator.ActionAsync("abc", "stop");
        Assert.Equal(HttpStatusCode.Conflict, ambiguous.StatusCode);
    }

    [Fact]
    public async Task VolumesResolveByIdThenNameWithoutPrefixes()
    {
        Assert.Equal(3, (await _emulator.GetJsonAsync("/volumes/unique")).GetProperty("size_gb").GetInt32());
        Assert.Equal(2, (await _emulator.GetJsonAsync("/volumes/vol-two")).GetProperty("size_gb").GetInt32());
        using var duplicateName = await _emulator.Client.GetAsync("/volumes/shared-name");
        await TestEmulator.AssertErrorAsync(duplicateName, HttpStatusCode.Conflict, "ambiguous");
        using var prefix = await _emulator.Client.GetAsync("/volumes/vol-t");
        await TestEmulator.AssertErrorAsync(prefix, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ListsAreOrderedById()
    {
        var list = await _emulator.GetJsonAsync("/instances");
        var ids = list.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal("Stopped", list.EnumerateArray().Single(i => i.GetProperty("name").GetString() == "beta").GetProperty("state").GetString());
    }
}
