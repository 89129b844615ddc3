using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hypeman.Emulator.Admin;

/// <summary>
/// One queued fault: the next Count requests matching Method (null = any) and Path (a trailing '*'
/// makes it a prefix) wait DelayMs, then get Status/Headers/Body instead of the real answer
/// (with no Status they are answered normally after the delay).
/// </summary>
internal sealed record Fault(
    string? Method, string Path, int? Status, int Count, IReadOnlyDictionary<string, string> Headers,
    string? Body, string? ContentType, int DelayMs)
{
    public bool Matches(string method, string path) =>
        (Method is null || Method.Equals(method, StringComparison.OrdinalIgnoreCase))
        && (Path.EndsWith('*') ? path.StartsWith(Path[..^1], StringComparison.Ordinal) : path == Path);

    public JsonObject ToJson(int remaining) => new()
    {
        ["method"] = Method,
        ["path"] = Path,
        ["status"] = Status,
        ["count"] = Count,
        ["remaining"] = remaining,
        ["headers"] = new JsonObject(Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
        ["body"] = Body,
        ["content_type"] = ContentType,
        ["delay_ms"] = DelayMs,
    };

    /// <summary>Reads one fault from the admin API; returns an error text when the JSON is unusable.</summary>
    public static (Fault? Fault, string? Error) Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return (null, "a fault must be a JSON object");
        if (!json.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String || !path.GetString()!.StartsWith('/'))
            return (null, "path is required and must start with '/'");
        int? status = null;
        if (json.TryGetProperty("status", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (!s.TryGetInt32(out var code) || code is < 100 or > 599) return (null, "status must be an HTTP status code");
            status = code;
        }
        var count = 1;
        if (json.TryGetProperty("count", out var c) && (!c.TryGetInt32(out count) || count < 1)) return (null, "count must be a positive integer");
        var delay = 0;
        if (json.TryGetProperty("delay_ms", out var d) && (!d.TryGetInt32(out delay) || delay < 0)) return (null, "delay_ms must be >= 0");
        if (status is null && delay == 0) return (null, "a fault needs a status, a delay_ms, or both");

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (json.TryGetProperty("headers", out var h))
        {
            if (h.ValueKind != JsonValueKind.Object) return (null, "headers must be an object of strings");
            foreach (var header in h.EnumerateObject()) headers[header.Name] = header.Value.ToString();
        }
        string? body = null;
        if (json.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null)
            body = b.ValueKind == JsonValueKind.String ? b.GetString() : b.GetRawText(); // an object is sent as its JSON text
        var method = json.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var contentType = json.TryGetProperty("content_type", out var ct) && ct.ValueKind == JsonValueKind.String ? ct.GetString() : null;
        return (new Fault(method, path.GetString()!, status, count, headers, body, contentType, delay), null);
    }
}

/// <summary>Faults waiting to be served, in the order they were queued.</summary>
internal sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<(Fault Fault, int Remaining)> _queue = [];

    public void Add(Fault fault)
    {
        lock (_gate) _queue.Add((fault, fault.Count));
    }

    /// <summary>Takes one use of the first fault that matches the request, if any.</summary>
    public Fault? TryTake(string method, string path)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(f => f.Fault.Matches(method, path));
            if (index < 0) return null;
            var (fault, remaining) = _queue[index];
            if (remaining <= 1) _queue.RemoveAt(index);
            else _queue[index] = (fault, remaining - 1);
            return fault;
        }
    }

    public void Clear()
    {
        lock (_gate) _queue.Clear();
    }

    public JsonArray ToJson()
    {
        lock (_gate) return new JsonArray(_queue.Select(f => (JsonNode?)f.Fault.ToJson(f.Remaining)).ToArray());
    }
}
