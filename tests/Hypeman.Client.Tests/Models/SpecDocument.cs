using System.Text.RegularExpressions;

namespace Hypeman.Client.Tests.Models;

/// <summary>
/// A minimal reader for the block-style YAML of the OpenAPI documents: a tree of mapping keys built
/// from indentation, scalar values as raw text, plain list items collected on their parent.
/// Block scalars (<c>|</c>, <c>&gt;</c>) are skipped. Enough for <c>components.schemas</c> and <c>paths</c>;
/// no YAML package on purpose.
/// </summary>
internal sealed partial class YamlNode
{
    private YamlNode(string key, string? value, int indent)
    {
        Key = key;
        Value = value;
        Indent = indent;
    }

    public string Key { get; }
    public string? Value { get; }
    public int Indent { get; }
    public Dictionary<string, YamlNode> Children { get; } = new(StringComparer.Ordinal);
    public List<string> Items { get; } = [];

    public YamlNode? this[string key] => Children.GetValueOrDefault(key);

    /// <summary>The value as a list: a flow sequence (<c>[a, b]</c>) or the block items under the key.</summary>
    public IReadOnlyList<string> AsList()
    {
        if (Value is { } v && v.StartsWith('[') && v.EndsWith(']'))
            return v[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Unquote).ToList();
        return Items;
    }

    public static YamlNode Parse(IEnumerable<string> lines)
    {
        var root = new YamlNode("", null, -1);
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        var blockScalarIndent = -1;
        foreach (var raw in lines)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var indent = raw.Length - raw.TrimStart(' ').Length;
            if (blockScalarIndent >= 0)
            {
                if (indent > blockScalarIndent) continue;
                blockScalarIndent = -1;
            }
            var content = raw.Trim();
            if (content.StartsWith('#')) continue;
            while (stack.Peek().Indent >= indent) stack.Pop();
            var parent = stack.Peek();
            if (content == "-" || content.StartsWith("- ", StringComparison.Ordinal))
            {
                parent.Items.Add(Unquote(content[1..].Trim()));
                continue;
            }
            var match = KeyLine().Match(content);
            if (!match.Success) continue; // continuation of a multi-line plain scalar
            var value = match.Groups["value"].Success ? CleanValue(match.Groups["value"].Value) : null;
            var node = new YamlNode(Unquote(match.Groups["key"].Value), value, indent);
            parent.Children[node.Key] = node;
            stack.Push(node);
            if (value is not null && (value.StartsWith('|') || value.StartsWith('>'))) blockScalarIndent = indent;
        }
        return root;
    }

    private static string CleanValue(string value)
    {
        value = value.Trim();
        if (value.StartsWith('"') || value.StartsWith('\'')) return Unquote(value);
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? value[..comment].TrimEnd() : value;
    }

    private static string Unquote(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\''))
        {
            var end = text.IndexOf(text[0], 1);
            if (end > 0) return text[1..end];
        }
        return text;
    }

    [GeneratedRegex("""^(?<key>"[^"]*"|'[^']*'|[^\s#'"][^:]*?)\s*:(?:\s+(?<value>.*))?$""")]
    private static partial Regex KeyLine();
}

/// <summary>One of the OpenAPI documents in <c>../shared/spec/</c>, read at test time (never copied into the project).</summary>
internal sealed class SpecDocument
{
    public const string V030 = "hypeman-openapi-0.3.0.yaml";
    public const string V020 = "hypeman-openapi-0.2.0.yaml";

    private static readonly Dictionary<string, SpecDocument> Cache = new(StringComparer.Ordinal);

    private SpecDocument(string path)
    {
        Path = path;
        Lines = File.ReadAllLines(path);
        Root = YamlNode.Parse(Lines);
        Schemas = Root["components"]?["schemas"]?.Children
            ?? throw new InvalidOperationException($"{path} has no components.schemas.");
    }

    public string Path { get; }
    public string[] Lines { get; }
    public YamlNode Root { get; }
    public IReadOnlyDictionary<string, YamlNode> Schemas { get; }

    public static SpecDocument Load(string fileName)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(fileName, out var document))
                Cache[fileName] = document = new SpecDocument(System.IO.Path.Combine(SpecDirectory(), fileName));
            return document;
        }
    }

    /// <summary>Walks up from the test assembly to the folder holding Hypeman.PowerShell.sln, then to ../shared/spec.</summary>
    public static string SpecDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Hypeman.PowerShell.sln")))
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "spec"));
        }
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains Hypeman.PowerShell.sln.");
    }

    /// <summary>Schema names found the plain way: lines <c>^    (\w+):$</c> between <c>  schemas:</c> and the next key indented less.</summary>
    public IReadOnlyList<string> SchemaNamesByLineScan()
    {
        var names = new List<string>();
        var inSchemas = false;
        foreach (var line in Lines)
        {
            if (!inSchemas)
            {
                inSchemas = line == "  schemas:";
                continue;
            }
            if (line.Trim().Length == 0) continue;
            var indent = line.Length - line.TrimStart(' ').Length;
            if (indent < 4) break;
            var match = Regex.Match(line, "^    ([A-Za-z0-9]+):$");
            if (match.Success) names.Add(match.Groups[1].Value);
        }
        return names;
    }

    public static string? RefName(YamlNode node) =>
        node["$ref"]?.Value is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : null;

    /// <summary>True when the schema is a string enum (mapped to a static class of constants, not a model class).</summary>
    public bool IsEnumSchema(string name) =>
        Schemas.TryGetValue(name, out var schema) && schema["type"]?.Value == "string";
}
