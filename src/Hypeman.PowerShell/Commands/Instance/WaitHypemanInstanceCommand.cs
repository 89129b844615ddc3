using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>
/// Waits until instances reach a state: with the server's wait endpoint (0.3.0, at most five
/// minutes a call, repeated as needed) or by polling on older servers.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "HypemanInstance")]
[OutputType(typeof(Instance))]
public sealed class WaitHypemanInstanceCommand : InstanceCmdlet
{
    /// <summary>The state to wait for, e.g. Running, Stopped or Standby.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StateCompleter))]
    public string State { get; set; } = null!;

    /// <summary>Seconds to wait for each instance before giving up (default 300).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = 300;

    /// <summary>Write each instance once it is in the state.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var state = StateArgument.Normalize(State);
        foreach (var id in InstanceId)
        {
            if (!TryRun(id, token => Client.WaitForInstanceStateAsync(id, state, TimeSpan.FromSeconds(TimeoutSec), token), out var result)) continue;

            if (result.State == state)
            {
                if (PassThru && TryRun(id, token => Client.GetInstanceAsync(id, token), out var instance)) WriteObject(instance);
            }
            else if (result.TimedOut)
            {
                WriteError(HypemanErrors.Create("WaitTimedOut", ErrorCategory.OperationTimeout, id,
                    $"The {Describe(id)} is {DescribeState(result.State)}, not {state}, after {TimeoutSec} s."));
            }
            else
            {
                var reason = result.StateError is null ? "" : $" ({result.StateError})";
                WriteError(HypemanErrors.Create("UnexpectedState", ErrorCategory.InvalidResult, id,
                    $"The {Describe(id)} is {DescribeState(result.State)}{reason} and will not become {state} by itself."));
            }
        }
    }

    private static string DescribeState(string state) => string.IsNullOrEmpty(state) ? "in an unknown state" : state;
}
