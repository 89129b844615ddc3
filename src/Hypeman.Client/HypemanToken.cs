using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hypeman;

/// <summary>
/// Mints the bearer tokens the server accepts: HS256 JWTs signed with the server's JWT_SECRET,
/// with the claims the server's own token tool writes (sub, iat, exp).
/// </summary>
public static class HypemanToken
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    public static string Create(SecureString secret, string subject, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0) throw new ArgumentException("The secret is empty.", nameof(secret));
        if (lifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lifetime), "The lifetime must be positive.");

        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var payloadJson = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payloadJson))
        {
            writer.WriteStartObject();
            writer.WriteString("sub", subject);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
            writer.WriteEndObject();
        }
        var signingInput = header + "." + Base64Url(payloadJson.ToArray());

        var key = Encoding.UTF8.GetBytes(SecretText.Reveal(secret));
        try
        {
            var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
            return signingInput + "." + Base64Url(signature);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    internal static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
