using System.Security;

namespace Hypeman.Http;

/// <summary>Per-call data that the handlers read from <see cref="HttpRequestMessage.Options"/>.</summary>
internal sealed class RequestContext
{
    public static readonly HttpRequestOptionsKey<RequestContext> Key = new("Hypeman.RequestContext");

    public RequestContext(SecureString? apiKey, IRequestObserver? observer)
    {
        ApiKey = apiKey;
        Observer = observer;
    }

    public SecureString? ApiKey { get; }
    public IRequestObserver? Observer { get; }

    public static RequestContext? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var context) ? context : null;
}
