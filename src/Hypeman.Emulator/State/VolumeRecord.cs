namespace Hypeman.Emulator.State;

/// <summary>One volume. Its attachments are not stored here: they are the instances' mounts of it.</summary>
internal sealed class VolumeRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required int SizeGb { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset CreatedAt { get; init; }
}
