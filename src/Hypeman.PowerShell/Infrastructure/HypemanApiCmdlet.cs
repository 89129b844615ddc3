using System.Management.Automation;

namespace Hypeman.PowerShell;

/// <summary>
/// Base of the cmdlets that talk to a server: adds -Connection and resolves the client once,
/// in BeginProcessing, from -Connection → this runspace's default (Connect-Hypeman) →
/// HYPEMAN_BASE_URL/HYPEMAN_API_KEY → ~/.config/hypeman/cli.yaml → http://localhost:8080.
/// </summary>
public abstract class HypemanApiCmdlet : HypemanCmdlet
{
    private HypemanClient? _client;

    /// <summary>The server to talk to: a connection from Connect-Hypeman -PassThru or Get-HypemanConnection, or the name of one.</summary>
    [Parameter]
    [ConnectionArgument]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public HypemanConnection? Connection { get; set; }

    /// <summary>The client for this invocation (available from BeginProcessing on).</summary>
    protected HypemanClient Client => _client ?? throw new InvalidOperationException("The client is created in BeginProcessing.");

    /// <summary>Whether the cmdlet needs an API key; only unauthenticated calls (health) say no.</summary>
    protected virtual bool RequiresApiKey => true;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var connection = ResolveConnection();
        _client = CreateClient(connection);
        WriteDebug($"Using Hypeman connection {connection} (from {connection.Source}).");
    }

    internal HypemanConnection ResolveConnection()
    {
        HypemanConnection connection;
        try
        {
            connection = Connection ?? HypemanSession.Current.Default ?? ConnectionDefaults.Resolve();
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(HypemanErrors.Create("InvalidConfiguration", ErrorCategory.InvalidData, null, ex.Message));
            throw; // not reached
        }
        if (RequiresApiKey && !connection.HasApiKey)
        {
            ThrowTerminatingError(HypemanErrors.Create("NotConnected", ErrorCategory.ConnectionError, connection.BaseUrl,
                $"Not connected to a Hypeman server: no API key is configured for {connection.BaseUrl}.",
                "Run Connect-Hypeman -BaseUrl <url> -ApiKey <key> (New-HypemanToken makes a key from the server's JWT secret), " +
                $"or set the {ConnectionDefaults.BaseUrlVariable} and {ConnectionDefaults.ApiKeyVariable} environment variables."));
        }
        return connection;
    }

    /// <summary>
    /// Reports a failed call for one input item: non-terminating, unless no later item could
    /// succeed either (the server is unreachable or rejects the key), which ends the command.
    /// </summary>
    protected void WriteFailure(Exception exception, object? target, ErrorCategory? category = null, string? errorId = null)
    {
        var record = HypemanErrors.FromException(exception, target, category, errorId);
        if (HypemanErrors.IsFatal(exception)) ThrowTerminatingError(record);
        WriteError(record);
    }

    /// <summary>
    /// "instance 'web-1' (id)" when a piped object named the instance, else "instance 'id'", for
    /// prompts and messages. A typed -InstanceId wins: the piped name then belongs to something else.
    /// </summary>
    protected string DescribeInstance(string instanceId, string? pipedInstanceName) =>
        string.IsNullOrEmpty(pipedInstanceName) || pipedInstanceName == instanceId || IsTyped("InstanceId")
            ? $"instance '{instanceId}'"
            : $"instance '{pipedInstanceName}' ({instanceId})";

    /// <summary>Warns when -Tag was given to a 0.2.0 server, which has no tags (one probe per server, then cached).</summary>
    protected void WarnIfTagsUnsupported(bool tagsGiven, string consequence)
    {
        if (!tagsGiven) return;
        string version;
        try
        {
            version = Run(Client.GetApiVersionAsync);
        }
        catch (HypemanException)
        {
            return; // the real call will report the problem
        }
        if (version == HypemanClient.ApiVersion020)
            WriteWarning($"The Hypeman server at {Client.Connection.BaseUrl} speaks API 0.2.0, which has no tags: {consequence}");
    }

    /// <summary>Runs a call for one input item; a Hypeman failure becomes that item's error and the pipeline goes on.</summary>
    protected bool TryRun<T>(object? target, Func<CancellationToken, Task<T>> operation, out T result)
    {
        try
        {
            result = Run(operation);
            return true;
        }
        catch (HypemanException ex)
        {
            WriteFailure(ex, target);
            result = default!;
            return false;
        }
    }
}
