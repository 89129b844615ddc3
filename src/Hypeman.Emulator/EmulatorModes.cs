namespace Hypeman.Emulator;

/// <summary>Which server version the emulator imitates.</summary>
public enum ApiVersion
{
    /// <summary>Hypeman 0.3.0 (the default).</summary>
    V030,

    /// <summary>Hypeman 0.2.0, where it differs from 0.3.0.</summary>
    V020,
}

/// <summary>How volume attach/detach on an existing instance answers.</summary>
public enum VolumeOpsMode
{
    /// <summary>The spec's contract: 200 with the updated instance, 404, 409.</summary>
    Spec,

    /// <summary>Today's real server: 500 not_implemented.</summary>
    NotImplemented,
}

/// <summary>Where the JWT secret came from (the banner says so).</summary>
public enum JwtSecretSource
{
    /// <summary>--jwt-secret.</summary>
    Option,

    /// <summary>The JWT_SECRET environment variable.</summary>
    Environment,

    /// <summary>Generated at start.</summary>
    Generated,
}
