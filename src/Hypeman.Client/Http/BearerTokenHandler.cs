using System.Net.Http.Headers;

namespace Hypeman.Http;

/// <summary>Adds <c>Authorization: Bearer &lt;key&gt;</c> from the call's connection, revealing the key only here.</summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = RequestContext.Of(request)?.ApiKey;
        if (key is not null && request.Headers.Authorization is null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretText.Reveal(key));
        return base.SendAsync(request, cancellationToken);
    }
}
