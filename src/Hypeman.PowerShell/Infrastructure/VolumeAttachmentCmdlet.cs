using System.Management.Automation;

namespace Hypeman.PowerShell;

/// <summary>
/// What Mount- and Dismount-HypemanVolume share. A -VolumeId typed on the command line applies to
/// every piped instance, so it is looked up once, before any instance: if it does not exist no
/// instance could succeed, and the command stops with one error. A piped Instance also brings its
/// Volumes, which lets the cmdlets see "already attached" / "not attached" without a request.
/// A server that answers not_implemented (every real server up to 0.3.0) ends the command with
/// one clear error instead of one per item.
/// </summary>
public abstract class VolumeAttachmentCmdlet : HypemanApiCmdlet
{
    private Volume? _commandLineVolume;

    /// <summary>The instance, by ID, name or unique ID prefix.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InstanceCompleter))]
    [ResourceIdentifier("InstanceId")]
    public string InstanceId { get; set; } = null!;

    /// <summary>The volume, by ID or name.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VolumeCompleter))]
    [ResourceIdentifier("VolumeId")]
    public string VolumeId { get; set; } = null!;

    /// <summary>Bound from a piped object's InstanceName, so prompts and messages can name the instance. Not for typing.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? InstanceName { get; set; }

    /// <summary>Bound from a piped Instance's Volumes, so its mounts can be checked without a request. Not for typing.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("Volumes")]
    public VolumeMount[]? AttachedVolumes { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // Parameters typed on the command line are bound by now; piped ones are not. -WhatIf sends nothing.
        if (VolumeId is null || IsWhatIf()) return;
        try
        {
            _commandLineVolume = Run(token => Client.GetVolumeAsync(VolumeId, token));
        }
        catch (HypemanApiException ex) when (ex.StatusCode == 404)
        {
            ThrowTerminatingError(HypemanErrors.Create("VolumeNotFound", ErrorCategory.ObjectNotFound, VolumeId,
                $"No volume with the ID or name '{VolumeId}' was found."));
        }
        catch (HypemanException ex)
        {
            ThrowTerminatingError(HypemanErrors.FromException(ex, VolumeId));
        }
    }

    protected override void ProcessRecord()
    {
        // A volume looked up in BeginProcessing is sent by its ID; a piped one as it came.
        var volumeId = _commandLineVolume?.Id ?? VolumeId;
        bool? attached = AttachedVolumes is null || (_commandLineVolume is null && IsWhatIf())
            ? null
            : Array.Exists(AttachedVolumes, v => v.VolumeId == volumeId);
        try
        {
            Process(InstanceId, volumeId, _commandLineVolume, attached);
        }
        catch (HypemanApiException ex) when (ex.IsNotImplemented)
        {
            var record = HypemanErrors.FromException(ex, InstanceId, ErrorCategory.NotImplemented, "VolumeOperationNotImplemented");
            record.ErrorDetails = new ErrorDetails(
                $"The Hypeman server at {Client.Connection.BaseUrl} cannot attach or detach volumes on an existing instance (it answered '{ex.ServerMessage}').")
            {
                RecommendedAction = "Give volumes when creating the instance instead: New-HypemanInstance -Volume 'volume:/mount/path'.",
            };
            ThrowTerminatingError(record);
        }
    }

    /// <summary>
    /// Does the work for one instance. <paramref name="knownVolume"/> is the volume verified in
    /// BeginProcessing (null for piped volumes); <paramref name="attached"/> says whether the piped
    /// instance lists the volume (null when unknown).
    /// </summary>
    protected abstract void Process(string instanceId, string volumeId, Volume? knownVolume, bool? attached);

    /// <summary>"volume 'logs' on instance 'web-1' (id)", for prompts and messages.</summary>
    protected string Describe(string instanceId, string volumeId, Volume? knownVolume) =>
        $"volume '{knownVolume?.Name ?? volumeId}' on {DescribeInstance(instanceId, InstanceName)}";
}
