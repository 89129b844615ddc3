using System.Management.Automation;
using System.Security;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>
/// Connects to a Hypeman server: proves the API key with one authenticated call, detects the
/// server's API version, and makes the connection this runspace's default.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Hypeman")]
[OutputType(typeof(HypemanConnection))]
public sealed class ConnectHypemanCommand : HypemanCmdlet
{
    /// <summary>The server's base URL; by default HYPEMAN_BASE_URL, the CLI's config file, or http://localhost:8080.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNull]
    public Uri? BaseUrl { get; set; }

    /// <summary>The API key (a JWT); by default HYPEMAN_API_KEY or the CLI's config file.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>A name for the connection (default: the server's host:port).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Accept any TLS certificate (self-signed test servers).</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Seconds to wait for the TCP/TLS connection to open.</summary>
    [Parameter]
    [ValidateRange(1, 300)]
    public int ConnectTimeoutSec { get; set; } = (int)HypemanConnection.DefaultConnectTimeout.TotalSeconds;

    /// <summary>Seconds one API call may take, retries included.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = (int)HypemanConnection.DefaultRequestTimeout.TotalSeconds;

    /// <summary>How many times a call is retried when retrying is safe (connection refused, 429, 502-504 on reads).</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Write the connection object.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        HypemanConnection implicitSettings;
        try
        {
            implicitSettings = ConnectionDefaults.Resolve();
        }
        catch (ArgumentException ex)
        {
            if (BaseUrl is null) ThrowTerminatingError(HypemanErrors.Create("InvalidConfiguration", ErrorCategory.InvalidData, null, ex.Message));
            WriteVerbose($"Ignoring the configured defaults: {ex.Message}");
            implicitSettings = new HypemanConnection(BaseUrl!, null);
        }

        var baseUrl = BaseUrl ?? implicitSettings.BaseUrl;
        var apiKey = ApiKey ?? implicitSettings.ApiKey;
        if (apiKey is null || apiKey.Length == 0)
        {
            ThrowTerminatingError(HypemanErrors.Create("ApiKeyMissing", ErrorCategory.InvalidArgument, baseUrl,
                $"Connect-Hypeman needs an API key for {baseUrl}: pass -ApiKey, or set {ConnectionDefaults.ApiKeyVariable}.",
                "New-HypemanToken -Secret <the server's JWT_SECRET> makes a key."));
        }

        HypemanConnection connection;
        try
        {
            connection = new HypemanConnection(baseUrl, apiKey, Name,
                BaseUrl is not null || ApiKey is not null ? ConnectionSource.Parameter : implicitSettings.Source,
                SkipCertificateCheck.IsPresent, TimeSpan.FromSeconds(ConnectTimeoutSec), TimeSpan.FromSeconds(TimeoutSec), MaxRetries);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(HypemanErrors.Create("InvalidBaseUrl", ErrorCategory.InvalidArgument, baseUrl, ex.Message));
            return;
        }

        var apiVersion = Prove(connection);
        connection = connection.With(apiVersion: apiVersion);
        HypemanSession.Current.Connect(connection);
        WriteVerbose($"Connected to {connection.BaseUrl} (API {apiVersion}) as '{connection.Name}'; it is now this session's default connection.");
        if (PassThru) WriteObject(connection);
        base.EndProcessing();
    }

    /// <summary>One authenticated call (see <see cref="HypemanClient.VerifyAccessAsync"/>); failing it ends the command.</summary>
    private string Prove(HypemanConnection connection)
    {
        var client = CreateClient(connection);
        try
        {
            return Run(client.VerifyAccessAsync);
        }
        catch (HypemanException ex)
        {
            var record = HypemanErrors.FromException(ex, connection.BaseUrl);
            if (ex is HypemanApiException { StatusCode: 401 })
                record.ErrorDetails = new ErrorDetails($"The server at {connection.BaseUrl} rejected the API key: {((HypemanApiException)ex).ServerMessage}")
                {
                    RecommendedAction = "Check the key; New-HypemanToken -Secret <the server's JWT_SECRET> makes a valid one.",
                };
            ThrowTerminatingError(record);
            throw; // not reached
        }
    }
}
