using System.Collections.Concurrent;
using System.Net;
using Hypeman.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Hypeman.Client.Http;

/// <summary>
/// Hands out <see cref="HttpClient"/>s from one <see cref="IHttpClientFactory"/>: one named client
/// per set of transport settings, so connections that share them share a pooled handler.
/// The pipeline, outermost first: bearer auth → user agent → retry (Polly, via
/// Microsoft.Extensions.Http.Resilience) → logging (one entry per attempt) → SocketsHttpHandler.
/// </summary>
public static class HypemanHttp
{
    private static readonly ConcurrentDictionary<string, HypemanConnection> s_transports = new(StringComparer.Ordinal);

    // Built on first use, never at Import-Module.
    private static readonly Lazy<IHttpClientFactory> s_factory = new(CreateFactory);

    /// <summary>A client for the connection's transport settings. Cheap: the handler chain is pooled by the factory.</summary>
    public static HttpClient CreateClient(HypemanConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var name = connection.TransportKey;
        s_transports.TryAdd(name, connection);
        return s_factory.Value.CreateClient(name);
    }

    private static IHttpClientFactory CreateFactory()
    {
        var services = new ServiceCollection();
        services.AddHttpClient();
        services.AddSingleton<IConfigureOptions<HttpClientFactoryOptions>>(new ConfigureByTransport());
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
    }

    /// <summary>Configures whichever client name is asked for from the transport registered under it.</summary>
    private sealed class ConfigureByTransport : IConfigureNamedOptions<HttpClientFactoryOptions>
    {
        public void Configure(HttpClientFactoryOptions options) => Configure(Options.DefaultName, options);

        public void Configure(string? name, HttpClientFactoryOptions options)
        {
            if (name is null || !s_transports.TryGetValue(name, out var connection)) return;
            options.HttpClientActions.Add(client => client.Timeout = Timeout.InfiniteTimeSpan); // per-call limits live in HypemanClient
            options.HttpMessageHandlerBuilderActions.Add(builder =>
            {
                builder.PrimaryHandler = CreatePrimaryHandler(connection);
                foreach (var handler in CreateHandlers(connection)) builder.AdditionalHandlers.Add(handler);
            });
        }
    }

    /// <summary>The delegating handlers, outermost first.</summary>
    internal static IEnumerable<DelegatingHandler> CreateHandlers(HypemanConnection connection) =>
    [
        new BearerTokenHandler(),
        new UserAgentHandler(),
        // ResilienceHandler is marked experimental, but it is the only way to give clients whose names
        // are known only at run time (one per transport) their own retry settings; the version is pinned.
#pragma warning disable EXTEXP0001
        new ResilienceHandler(CreateRetryPipeline(connection)),
#pragma warning restore EXTEXP0001
        new LoggingHandler(),
    ];

    /// <summary>The whole chain over a given innermost handler (tests put a fake server there).</summary>
    internal static HttpMessageHandler CreatePipeline(HypemanConnection connection, HttpMessageHandler primary)
    {
        HttpMessageHandler next = primary;
        foreach (var handler in CreateHandlers(connection).Reverse())
        {
            handler.InnerHandler = next;
            next = handler;
        }
        return next;
    }

    internal static SocketsHttpHandler CreatePrimaryHandler(HypemanConnection connection)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connection.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            Expect100ContinueTimeout = TimeSpan.FromSeconds(2),
        };
        if (connection.SkipCertificateCheck)
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        return handler;
    }

    internal static ResiliencePipeline<HttpResponseMessage> CreateRetryPipeline(HypemanConnection connection)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (connection.MaxRetries == 0) return builder.Build();
        return builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = connection.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = connection.RetryBaseDelay,
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args =>
            {
                var request = args.Context.GetRequestMessage();
                var method = request?.Method ?? HttpMethod.Post; // unknown method: assume the unsafe kind
                return ValueTask.FromResult(RetryRules.ShouldRetry(method, args.Outcome.Result, args.Outcome.Exception));
            },
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var observer = request is null ? null : RequestContext.Of(request)?.Observer;
                observer?.Verbose($"Retrying {request!.Method} {request.RequestUri} in {args.RetryDelay.TotalSeconds:0.##} s " +
                    $"(retry {args.AttemptNumber + 1} of {connection.MaxRetries}) after {RetryRules.Describe(args.Outcome.Result, args.Outcome.Exception)}");
                return default;
            },
        }).Build();
    }
}
