using System.Net;
using Hypeman.Emulator.Http;
using Hypeman.Emulator.Routes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hypeman.Emulator;

/// <summary>Builds and starts the emulator; used by Program and by tests that host it in-process.</summary>
public static class EmulatorHost
{
    /// <summary>A configured, not yet started, emulator listening on 127.0.0.1 only.</summary>
    public static WebApplication Build(EmulatorOptions options, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // ASP.NET's own messages stay off stdout, whose first line the tests parse.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None); // start-up failures are reported by Program
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null; // archives may be large
            kestrel.AddServerHeader = false;
        });

        // Building the runtime applies the seed, so a bad seed file fails here, before listening.
        var runtime = new EmulatorRuntime(options, time ?? TimeProvider.System);
        builder.Services.AddSingleton(runtime);
        var app = builder.Build();
        var pipeline = new RequestPipeline(runtime, ApiRoutes.Build(options.ApiVersion));
        app.Run(pipeline.HandleAsync);
        return app;
    }

    /// <summary>Starts the emulator and returns its base address, e.g. http://127.0.0.1:41234.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }
}
