using Hypeman.Emulator.Http;

namespace Hypeman.Emulator.Routes;

/// <summary>The route table of one API version.</summary>
internal static class ApiRoutes
{
    public static Router Build(ApiVersion version)
    {
        var router = new Router();
        SystemRoutes.Register(router, version);
        ImageRoutes.Register(router);
        InstanceRoutes.Register(router);
        LifecycleRoutes.Register(router);
        if (version == ApiVersion.V030)
        {
            WaitRoute.Register(router);
            VolumeArchiveRoutes.Register(router);
        }
        VolumeRoutes.Register(router);
        AttachRoutes.Register(router);
        StubRoutes.Register(router, version);
        return router;
    }
}
