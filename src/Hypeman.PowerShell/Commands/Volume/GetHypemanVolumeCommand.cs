using System.Collections;
using System.Management.Automation;
using Hypeman.PowerShell;

namespace Hypeman.Commands;

/// <summary>Gets volumes: all of them, or by name or ID, with wildcards, and filtered by tags.</summary>
[Cmdlet(VerbsCommon.Get, "HypemanVolume", DefaultParameterSetName = ByName)]
[OutputType(typeof(Volume))]
public sealed class GetHypemanVolumeCommand : GetResourceCmdlet<Volume>
{
    private Dictionary<string, string>? _tags;

    /// <summary>Names (or IDs) of the volumes; wildcards match names and IDs.</summary>
    [Parameter(Position = 0, ParameterSetName = ByName, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VolumeCompleter))]
    [ResourceIdentifier("VolumeId")]
    public string[]? Name { get; set; }

    /// <summary>IDs of the volumes; wildcards allowed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ById)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VolumeCompleter))]
    [ResourceIdentifier("VolumeId")]
    public string[] Id { get; set; } = null!;

    /// <summary>Only volumes that have all these tags, e.g. @{env='dev'}.</summary>
    [Parameter]
    [ValidateTags]
    public Hashtable? Tag { get; set; }

    protected override string Noun => "volume";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _tags = ArgumentText.ToMap(Tag);
        WarnIfTagsUnsupported(_tags is not null, "no volume matches -Tag.");
    }

    protected override void ProcessRecord() => WriteResources(ParameterSetName == ById ? Id : Name);

    protected override IAsyncEnumerable<Volume> List(CancellationToken cancellationToken) => Client.ListVolumesAsync(_tags, cancellationToken);

    protected override Task<Volume> Fetch(string identifier, CancellationToken cancellationToken) => Client.GetVolumeAsync(identifier, cancellationToken);

    protected override string IdOf(Volume resource) => resource.Id;
    protected override string NameOf(Volume resource) => resource.Name;
    protected override bool Keep(Volume resource) => HasTags(resource.Tags, _tags);
}
