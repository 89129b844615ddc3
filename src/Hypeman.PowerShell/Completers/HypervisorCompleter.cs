using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Hypeman.PowerShell;

/// <summary>Completes hypervisor names the API knows.</summary>
public sealed class HypervisorCompleter : IArgumentCompleter
{
    internal static readonly string[] Known = ["cloud-hypervisor", "firecracker", "qemu", "qemu-microvm", "vz"];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Match(wordToComplete, Known.Select(h => (h, h, h)));
}
