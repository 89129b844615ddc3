using System.Collections;
using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Gets instances: all of them, or by name, ID or ID prefix, with wildcards, and filtered by state and tags.</summary>
[Cmdlet(VerbsCommon.Get, "HypemanInstance", DefaultParameterSetName = ByName)]
[OutputType(typeof(Instance))]
public sealed class GetHypemanInstanceCommand : GetResourceCmdlet<Instance>
{
    private HashSet<string>? _states;
    private Dictionary<string, string>? _tags;

    /// <summary>Names (or IDs, or ID prefixes) of the instances; wildcards match names and IDs.</summary>
    [Parameter(Position = 0, ParameterSetName = ByName, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InstanceCompleter))]
    [ResourceIdentifier("InstanceId")]
    public string[]? Name { get; set; }

    /// <summary>IDs (or unique ID prefixes) of the instances; wildcards allowed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ById)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InstanceCompleter))]
    [ResourceIdentifier("InstanceId")]
    public string[] Id { get; set; } = null!;

    /// <summary>Only instances in one of these states.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StateCompleter))]
    public string[]? State { get; set; }

    /// <summary>Only instances that have all these tags, e.g. @{env='dev'}.</summary>
    [Parameter]
    [ValidateTags]
    public Hashtable? Tag { get; set; }

    protected override string Noun => "instance";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (State is not null)
        {
            _states = State.Select(StateArgument.Normalize).ToHashSet(StringComparer.Ordinal);
            // Unknown states pass on (newer servers add states), but a typo should not go unnoticed.
            foreach (var state in _states.Where(s => !InstanceState.All.Contains(s)))
                WriteWarning($"'{state}' is not an instance state this module knows ({string.Join(", ", InstanceState.All)}); it is used as given.");
        }
        _tags = ArgumentText.ToMap(Tag);
        WarnIfTagsUnsupported(_tags is not null, "no instance matches -Tag.");
    }

    protected override void ProcessRecord() => WriteResources(ParameterSetName == ById ? Id : Name);

    // The server filters by one state; with several, the filter is applied here only.
    protected override IAsyncEnumerable<Instance> List(CancellationToken cancellationToken) =>
        Client.ListInstancesAsync(_states is { Count: 1 } ? _states.First() : null, _tags, cancellationToken);

    protected override Task<Instance> Fetch(string identifier, CancellationToken cancellationToken) =>
        Client.GetInstanceAsync(identifier, cancellationToken);

    protected override string IdOf(Instance resource) => resource.Id;
    protected override string NameOf(Instance resource) => resource.Name;

    protected override bool Keep(Instance resource) =>
        (_states is null || _states.Contains(resource.State)) && HasTags(resource.Tags, _tags);
}
