using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Hypeman.PowerShell;

/// <summary>Reads parameter values that arrive as PowerShell objects.</summary>
internal static class ArgumentText
{
    /// <summary>The value's text, looking through PSObject wrappers; "" for null.</summary>
    public static string Text(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value)?.ToString() ?? "";

    /// <summary>A hashtable (-Tag, -Environment) as a string map for the client; null when empty, so nothing is sent.</summary>
    public static Dictionary<string, string>? ToMap(IDictionary? table)
    {
        if (table is null || table.Count == 0) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table) map[Text(entry.Key)] = Text(entry.Value);
        return map;
    }
}

/// <summary>Checks -Tag before anything is sent, with the server's rules: at most 50 keys of 1–128 characters, values up to 256, a restricted alphabet.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateTagsAttribute : ValidateArgumentsAttribute
{
    private static readonly Regex KeyPattern = new("^[A-Za-z0-9 _.:/=+@-]{1,128}$", RegexOptions.CultureInvariant);
    private static readonly Regex ValuePattern = new("^[A-Za-z0-9 _.:/=+@-]{0,256}$", RegexOptions.CultureInvariant);

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is PSObject wrapped) arguments = wrapped.BaseObject;
        if (arguments is not IDictionary tags) throw new ValidationMetadataException("Tags must be a hashtable such as @{env='dev'}.");
        if (tags.Count > 50) throw new ValidationMetadataException($"At most 50 tags are allowed; {tags.Count} were given.");
        foreach (DictionaryEntry tag in tags)
        {
            var key = ArgumentText.Text(tag.Key);
            var value = ArgumentText.Text(tag.Value);
            if (!KeyPattern.IsMatch(key))
                throw new ValidationMetadataException($"The tag key '{key}' is not valid: use 1 to 128 letters, digits, spaces or _.:/=+@- characters.");
            if (!ValuePattern.IsMatch(value))
                throw new ValidationMetadataException($"The value of tag '{key}' is not valid: use up to 256 letters, digits, spaces or _.:/=+@- characters.");
        }
    }

}

/// <summary>Checks a new resource name against the server's rule (lowercase letters, digits and inner dashes, at most 63).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateResourceNameAttribute : ValidateArgumentsAttribute
{
    private static readonly Regex Pattern = new("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant);

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var name = ArgumentText.Text(arguments);
        if (name.Length > 63 || !Pattern.IsMatch(name))
            throw new ValidationMetadataException(
                $"'{name}' is not a valid name: use 1 to 63 lowercase letters, digits and dashes, starting and ending with a letter or digit.");
    }
}

/// <summary>Checks that a guest path is absolute.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateGuestPathAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var path = ArgumentText.Text(arguments);
        if (!path.StartsWith('/'))
            throw new ValidationMetadataException($"'{path}' is not an absolute guest path: it must start with '/', such as /mnt/data.");
    }
}

/// <summary>Instance states typed in any case become the server's spelling; states this module does not know pass unchanged.</summary>
internal static class StateArgument
{
    public static string Normalize(string state) =>
        InstanceState.All.FirstOrDefault(s => s.Equals(state, StringComparison.OrdinalIgnoreCase)) ?? state;
}
