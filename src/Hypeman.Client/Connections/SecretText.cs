using System.Runtime.InteropServices;
using System.Security;

namespace Hypeman;

/// <summary>Reads a <see cref="SecureString"/> for the moment it is needed (building a header or signing a token).</summary>
internal static class SecretText
{
    public static string Reveal(SecureString secret)
    {
        IntPtr ptr = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try { return Marshal.PtrToStringUni(ptr, secret.Length); }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(ptr); }
    }
}
