using System.Security.Cryptography;

namespace Hypeman.Emulator.Formats;

/// <summary>CUID2-shaped identifiers: 24 lowercase alphanumerics, the first a letter.</summary>
internal static class IdGenerator
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Alphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewId()
    {
        Span<char> id = stackalloc char[24];
        id[0] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
        for (var i = 1; i < id.Length; i++) id[i] = Alphanumerics[RandomNumberGenerator.GetInt32(Alphanumerics.Length)];
        return new string(id);
    }
}
