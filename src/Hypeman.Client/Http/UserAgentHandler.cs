using System.Net.Http.Headers;
using System.Reflection;

namespace Hypeman.Http;

/// <summary>Sends <c>User-Agent: Hypeman.PowerShell/&lt;version&gt;</c> on every request.</summary>
public sealed class UserAgentHandler : DelegatingHandler
{
    /// <summary>The module's version, from this assembly's informational version (stamped by the build).</summary>
    public static readonly string Version = ReadVersion();

    public static readonly ProductInfoHeaderValue Product = new("Hypeman.PowerShell", Version);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.UserAgent.Count == 0) request.Headers.UserAgent.Add(Product);
        return base.SendAsync(request, cancellationToken);
    }

    private static string ReadVersion()
    {
        var info = typeof(UserAgentHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(info)) return typeof(UserAgentHandler).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        int plus = info.IndexOf('+'); // drop the source-revision suffix
        return plus >= 0 ? info[..plus] : info;
    }
}
