using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hypeman.Emulator.Auth;

/// <summary>Mints HS256 tokens of the shape the server's gen-jwt tool makes: {sub, iat, exp}.</summary>
public static class JwtIssuer
{
    public static string Issue(string secret, string subject, TimeSpan lifetime, DateTimeOffset? now = null) =>
        Sign(secret, new JsonObject
        {
            ["sub"] = subject,
            ["iat"] = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["exp"] = (now ?? DateTimeOffset.UtcNow).Add(lifetime).ToUnixTimeSeconds(),
        });

    /// <summary>Signs arbitrary claims (tests use it for expired, not-yet-valid or registry tokens).</summary>
    public static string Sign(string secret, JsonObject claims, string algorithm = "HS256")
    {
        var header = Encode(new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT" }.ToJsonString());
        var payload = Encode(claims.ToJsonString());
        var signingInput = Encoding.ASCII.GetBytes(header + "." + payload);
        var key = Encoding.UTF8.GetBytes(secret);
        var signature = algorithm switch
        {
            "HS384" => HMACSHA384.HashData(key, signingInput),
            "HS512" => HMACSHA512.HashData(key, signingInput),
            _ => HMACSHA256.HashData(key, signingInput),
        };
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
