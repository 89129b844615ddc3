using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hypeman.Emulator.Auth;

/// <summary>
/// Checks an Authorization header the way the server's OpenAPI security check does (golang-jwt v5 with
/// MapClaims): any HS* algorithm, exp/nbf enforced when present, registry-token claims refused.
/// Returns null when the request is authenticated, otherwise the message the server puts after
/// "security requirements failed: ".
/// </summary>
internal sealed class JwtValidator(string secret, TimeProvider time)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public const string HeaderRequired = "authorization header required";
    public const string InvalidFormat = "invalid authorization header format";
    public const string InvalidToken = "invalid token";
    public const string InvalidTokenType = "invalid token type";

    // Claims that mark registry push tokens, which must not open the API.
    private static readonly string[] RegistryClaims = ["repos", "scope", "build_id"];

    public string? Check(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader)) return HeaderRequired;
        var space = authorizationHeader.IndexOf(' ');
        if (space < 0 || !authorizationHeader[..space].Equals("bearer", StringComparison.OrdinalIgnoreCase)) return InvalidFormat;

        var claims = VerifiedClaims(authorizationHeader[(space + 1)..]);
        if (claims is null) return InvalidToken;
        foreach (var claim in RegistryClaims)
        {
            if (claims.Value.TryGetProperty(claim, out _)) return InvalidTokenType;
        }
        return null;
    }

    private JsonElement? VerifiedClaims(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String) return null;
            var signature = Base64Url.DecodeFromChars(parts[2]);
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            byte[] expected = alg.GetString() switch
            {
                "HS256" => HMACSHA256.HashData(_key, signed),
                "HS384" => HMACSHA384.HashData(_key, signed),
                "HS512" => HMACSHA512.HashData(_key, signed),
                _ => [], // "none" and asymmetric algorithms are refused
            };
            if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, signature)) return null;

            using var claimsDocument = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var claims = claimsDocument.RootElement.Clone();
            if (claims.ValueKind != JsonValueKind.Object) return null;
            var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            // A non-numeric exp/nbf is malformed, as golang-jwt treats it.
            if (claims.TryGetProperty("exp", out var exp) && (exp.ValueKind != JsonValueKind.Number || now >= exp.GetDouble())) return null;
            if (claims.TryGetProperty("nbf", out var nbf) && (nbf.ValueKind != JsonValueKind.Number || now < nbf.GetDouble())) return null;
            return claims;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
