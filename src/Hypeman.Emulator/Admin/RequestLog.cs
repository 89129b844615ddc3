using System.Text.Json.Nodes;
using Hypeman.Emulator.Formats;

namespace Hypeman.Emulator.Admin;

/// <summary>
/// Every API request since the last reset, for tests to assert on what a client sent.
/// The Authorization header is recorded only as present or absent, never its value.
/// </summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    public sealed class Entry
    {
        public required string Method { get; init; }
        public required string Path { get; init; }
        public required string Query { get; init; }
        public required bool HasAuthorization { get; init; }
        public string? ContentType { get; init; }
        public string? Body { get; init; }
        public long? BodyLength { get; init; }
        public required DateTimeOffset Timestamp { get; init; }
        public int? Status { get; set; }
        public bool Faulted { get; set; }
        public bool Aborted { get; set; }
    }

    public Entry Add(Entry entry)
    {
        lock (_gate) _entries.Add(entry);
        return entry;
    }

    /// <summary>Records how the request ended (status is null while it is still running).</summary>
    public void Complete(Entry entry, int status, bool faulted, bool aborted)
    {
        lock (_gate)
        {
            entry.Status = status;
            entry.Faulted = faulted;
            entry.Aborted = aborted;
        }
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    public JsonArray ToJson()
    {
        lock (_gate)
        {
            return new JsonArray(_entries.Select(e => (JsonNode?)new JsonObject
            {
                ["method"] = e.Method,
                ["path"] = e.Path,
                ["query"] = e.Query,
                ["has_authorization"] = e.HasAuthorization,
                ["content_type"] = e.ContentType,
                ["body"] = e.Body,
                ["body_length"] = e.BodyLength,
                ["status"] = e.Status,
                ["faulted"] = e.Faulted,
                ["aborted"] = e.Aborted,
                ["timestamp"] = Timestamps.Precise(e.Timestamp),
            }).ToArray());
        }
    }
}
