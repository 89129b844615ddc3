using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hypeman.Client.Tests.Connections;

public sealed class ConnectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypeman-conn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ConfigFile(string text)
    {
        var path = Path.Combine(_folder, "cli.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Nothing_configured_means_localhost_8080_without_a_key()
    {
        var connection = ConnectionDefaults.Resolve(_ => null, Path.Combine(_folder, "missing.yaml"));

        Assert.Equal("http://localhost:8080/", connection.BaseUrl.AbsoluteUri);
        Assert.False(connection.HasApiKey);
        Assert.Equal(ConnectionSource.Default, connection.Source);
    }

    [Fact]
    public void The_cli_config_file_is_read()
    {
        var file = ConfigFile("# Hypeman CLI\nbase_url: \"https://hm.example:4973\"\napi_key: 'abc.def.ghi' # the token\nother:\n  nested: 1\n");
        var connection = ConnectionDefaults.Resolve(_ => null, file);

        Assert.Equal("https://hm.example:4973/", connection.BaseUrl.AbsoluteUri);
        Assert.True(connection.HasApiKey);
        Assert.Equal("abc.def.ghi", SecretText.Reveal(connection.ApiKey!));
        Assert.Equal(ConnectionSource.ConfigFile, connection.Source);
    }

    [Fact]
    public void Environment_variables_win_over_the_file_each_on_its_own()
    {
        var file = ConfigFile("base_url: http://file:1\napi_key: file-key\n");
        var env = new Dictionary<string, string?> { ["HYPEMAN_BASE_URL"] = "http://env:2", ["HYPEMAN_API_KEY"] = "  " };
        var connection = ConnectionDefaults.Resolve(n => env.GetValueOrDefault(n), file);

        Assert.Equal("http://env:2/", connection.BaseUrl.AbsoluteUri);
        Assert.Equal("file-key", SecretText.Reveal(connection.ApiKey!)); // an empty variable is ignored, as the CLI does
        Assert.Equal(ConnectionSource.Environment, connection.Source);
    }

    [Fact]
    public void A_bad_base_url_is_reported_with_where_it_came_from()
    {
        var ex = Assert.Throws<ArgumentException>(() => ConnectionDefaults.Resolve(n => n == "HYPEMAN_BASE_URL" ? "not a url" : null, Path.Combine(_folder, "none")));
        Assert.Contains("HYPEMAN_BASE_URL", ex.Message);
    }

    [Fact]
    public void A_connection_hides_its_key_and_shows_where_it_points()
    {
        var connection = new HypemanConnection(new Uri("http://h:1"), ConnectionDefaults.ToSecureString("secret-token"), name: "lab");

        Assert.Equal("lab (http://h:1/)", connection.ToString());
        var publicValues = typeof(HypemanConnection).GetProperties().Where(p => p.GetMethod!.IsPublic).Select(p => p.GetValue(connection)?.ToString());
        Assert.DoesNotContain(publicValues, v => v is not null && v.Contains("secret-token"));
        Assert.Throws<ArgumentException>(() => new HypemanConnection(new Uri("ftp://h/"), null));
    }

    [Fact]
    public void Tokens_are_hs256_jwts_the_server_accepts()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var token = HypemanToken.Create(ConnectionDefaults.ToSecureString("s3cret"), "alice", TimeSpan.FromHours(2), now);
        var parts = token.Split('.');

        Assert.Equal(3, parts.Length);
        Assert.Equal("""{"alg":"HS256","typ":"JWT"}""", Encoding.UTF8.GetString(FromBase64Url(parts[0])));
        using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
        Assert.Equal("alice", payload.RootElement.GetProperty("sub").GetString());
        Assert.Equal(1_800_000_000, payload.RootElement.GetProperty("iat").GetInt64());
        Assert.Equal(1_800_007_200, payload.RootElement.GetProperty("exp").GetInt64());
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(expected, FromBase64Url(parts[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HypemanToken.Create(ConnectionDefaults.ToSecureString("s"), "a", TimeSpan.Zero, now));
    }

    [Theory]
    [InlineData("1024.0 MB", 1073741824L)]
    [InlineData("3.0 GB", 3221225472L)]
    [InlineData("512MB", 536870912L)]
    [InlineData("2G", 2147483648L)]
    [InlineData("100MB/s", 104857600L)]
    [InlineData("1.5 KiB", 1536L)]
    [InlineData("42", 42L)]
    [InlineData("lots", null)]
    [InlineData("", null)]
    public void Server_sizes_are_read_in_binary_units(string text, long? bytes) => Assert.Equal(bytes, ByteSize.TryParse(text));

    [Theory]
    [InlineData(2147483648L, "2GB")]
    [InlineData(1610612736L, "1536MB")]
    [InlineData(1000L, "1000B")]
    public void Sizes_are_sent_in_the_largest_whole_unit(long bytes, string text) => Assert.Equal(text, ByteSize.Format(bytes));

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
