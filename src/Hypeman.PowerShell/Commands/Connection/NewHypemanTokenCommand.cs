using System.Management.Automation;
using System.Security;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Makes an API key: an HS256 JWT signed with the server's JWT_SECRET, as the server's token tool does.</summary>
[Cmdlet(VerbsCommon.New, "HypemanToken")]
[OutputType(typeof(SecureString), typeof(string))]
public sealed class NewHypemanTokenCommand : HypemanCmdlet
{
    /// <summary>The server's JWT_SECRET.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public SecureString Secret { get; set; } = null!;

    /// <summary>The token's subject (sub claim); by default the current user name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Subject { get; set; } = Environment.UserName;

    /// <summary>How long the token is valid (default 24 hours).</summary>
    [Parameter]
    public TimeSpan Lifetime { get; set; } = HypemanToken.DefaultLifetime;

    /// <summary>Write the token as plain text instead of a SecureString.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    protected override void EndProcessing()
    {
        if (Secret.Length == 0)
            ThrowTerminatingError(HypemanErrors.Create("SecretEmpty", ErrorCategory.InvalidArgument, null, "The -Secret parameter is empty."));
        if (Lifetime <= TimeSpan.Zero)
            ThrowTerminatingError(HypemanErrors.Create("LifetimeNotPositive", ErrorCategory.InvalidArgument, Lifetime,
                $"The -Lifetime parameter must be positive; it is {Lifetime}."));

        var token = HypemanToken.Create(Secret, Subject, Lifetime, DateTimeOffset.UtcNow);
        WriteObject(AsPlainText ? token : ConnectionDefaults.ToSecureString(token));
        base.EndProcessing();
    }
}
