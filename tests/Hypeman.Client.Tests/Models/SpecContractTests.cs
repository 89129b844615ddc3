using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hypeman.Serialization;

namespace Hypeman.Client.Tests.Models;

/// <summary>
/// Checks the model classes against the OpenAPI documents themselves (read from ../shared/spec at test time):
/// every schema has a class, every property a [JsonPropertyName], with the type and nullability the conventions ask for.
/// </summary>
public sealed class SpecContractTests
{
    private static readonly Assembly ClientAssembly = typeof(Instance).Assembly;

    /// <summary>The schema <c>Error</c> is <c>ApiError</c>; every other schema keeps its name.</summary>
    private static string ClassName(string schema) => schema == "Error" ? "ApiError" : schema;

    private static Type? ModelType(string className) => ClientAssembly.GetType("Hypeman." + className);

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static Dictionary<string, PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<JsonPropertyNameAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToDictionary(x => x.Attribute!.Name, x => x.Property, StringComparer.Ordinal);

    /// <summary>Request bodies and the objects only found inside them (the CreateInstanceRequest* schemas).</summary>
    private static bool IsRequestModel(string className) =>
        className.EndsWith("Request", StringComparison.Ordinal) || className.StartsWith(nameof(CreateInstanceRequest), StringComparison.Ordinal);

    private static IEnumerable<(string Schema, YamlNode Node)> ObjectSchemas(SpecDocument spec) =>
        spec.Schemas.Where(s => s.Key != "Tags" && !spec.IsEnumSchema(s.Key)).Select(s => (s.Key, s.Value));

    [Theory]
    [InlineData(SpecDocument.V030)]
    [InlineData(SpecDocument.V020)]
    public void The_yaml_reader_finds_the_same_schemas_as_a_line_scan(string file)
    {
        var spec = SpecDocument.Load(file);
        var scanned = spec.SchemaNamesByLineScan();
        Assert.True(scanned.Count > 30, $"only {scanned.Count} schemas found in {spec.Path}");
        Assert.Equal(scanned.Order(StringComparer.Ordinal), spec.Schemas.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(SpecDocument.V030)]
    [InlineData(SpecDocument.V020)]
    public void Every_schema_has_a_type_in_the_Hypeman_namespace(string file)
    {
        var spec = SpecDocument.Load(file);
        var missing = new List<string>();
        foreach (var name in spec.SchemaNamesByLineScan().Where(n => n != "Tags"))
        {
            var type = ModelType(ClassName(name));
            if (type is null || !type.IsPublic) { missing.Add(name); continue; }
            if (spec.IsEnumSchema(name))
            {
                // An enum schema is a static class of string constants plus All.
                if (!(type.IsAbstract && type.IsSealed) || type.GetField("All", BindingFlags.Public | BindingFlags.Static) is null)
                    missing.Add(name + " (expected a static class with All)");
            }
            else if (!type.IsSealed || type.IsAbstract)
            {
                missing.Add(name + " (expected a public sealed class)");
            }
        }
        Assert.True(missing.Count == 0, "No model type for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(SpecDocument.V030)]
    [InlineData(SpecDocument.V020)]
    public void Every_schema_property_has_a_JsonPropertyName(string file)
    {
        var spec = SpecDocument.Load(file);
        var failures = new List<string>();
        foreach (var (schema, node) in ObjectSchemas(spec))
            CheckObject(spec, node, ClassName(schema), failures, strictNullability: file == SpecDocument.V030);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(SpecDocument.V030)]
    [InlineData(SpecDocument.V020)]
    public void The_inline_body_of_start_is_StartInstanceRequest(string file)
    {
        var spec = SpecDocument.Load(file);
        var start = spec.Root["paths"]?["/instances/{id}/start"]?["post"];
        Assert.NotNull(start);
        var body = start["requestBody"]?["content"]?["application/json"]?["schema"];
        if (body is null)
        {
            Assert.Equal(SpecDocument.V020, file); // 0.2.0 had no body; 0.3.0 requires one
            return;
        }
        var failures = new List<string>();
        CheckObject(spec, body, nameof(StartInstanceRequest), failures, strictNullability: true);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(["cmd", "entrypoint"], body["properties"]!.Children.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fields_required_in_030_but_absent_in_020_are_nullable()
    {
        var v3 = SpecDocument.Load(SpecDocument.V030);
        var v2 = SpecDocument.Load(SpecDocument.V020);
        var nullability = new NullabilityInfoContext();
        var failures = new List<string>();
        foreach (var (schema, node) in ObjectSchemas(v3))
        {
            if (!v2.Schemas.TryGetValue(schema, out var old) || IsRequestModel(schema)) continue;
            var oldProperties = old["properties"]?.Children ?? [];
            var type = ModelType(ClassName(schema))!;
            var properties = JsonProperties(type);
            foreach (var name in node["required"]?.AsList() ?? [])
            {
                if (oldProperties.ContainsKey(name) || !properties.TryGetValue(name, out var property)) continue;
                if (!IsNullable(property, nullability) && !IsCollection(property.PropertyType))
                    failures.Add($"{type.Name}.{property.Name} ('{name}') is missing from 0.2.0 answers, so it must be nullable");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Enum_classes_list_exactly_the_spec_values()
    {
        var v3 = SpecDocument.Load(SpecDocument.V030);
        var v2 = SpecDocument.Load(SpecDocument.V020);
        var enums = v3.Schemas.Keys.Where(v3.IsEnumSchema).ToList();
        Assert.Contains("InstanceState", enums);
        Assert.Contains("SnapshotKind", enums);
        foreach (var name in enums)
        {
            var type = ModelType(name)!;
            var all = (IReadOnlyList<string>)type.GetField("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!);
            var expected = v3.Schemas[name]["enum"]!.AsList();
            Assert.Equal(expected, all);
            Assert.Equal(expected.Order(StringComparer.Ordinal), constants.Order(StringComparer.Ordinal));
            if (v2.Schemas.TryGetValue(name, out var old))
                Assert.All(old["enum"]!.AsList(), value => Assert.Contains(value, all));
        }
    }

    [Theory]
    [InlineData(SpecDocument.V030)]
    [InlineData(SpecDocument.V020)]
    public void Request_models_mark_exactly_the_schema_required_properties_as_required(string file)
    {
        var spec = SpecDocument.Load(file);
        var failures = new List<string>();
        foreach (var (schema, node) in ObjectSchemas(spec))
        {
            var type = ModelType(ClassName(schema))!;
            var required = (node["required"]?.AsList() ?? []).ToHashSet(StringComparer.Ordinal);
            var isRequest = IsRequestModel(type.Name);
            foreach (var (json, property) in JsonProperties(type))
            {
                var marked = property.IsDefined(typeof(RequiredMemberAttribute));
                if (isRequest && marked != required.Contains(json))
                    failures.Add($"{type.Name}.{property.Name}: 'required' modifier is {marked}, schema says {required.Contains(json)}");
                if (!isRequest && marked)
                    failures.Add($"{type.Name}.{property.Name}: answer models must not use 'required' (deserialization would reject older servers)");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_model_class_and_every_array_answer_is_registered_in_the_context()
    {
        var spec = SpecDocument.Load(SpecDocument.V030);
        var registered = ContextRegistrationTests.RegisteredTypes().ToHashSet();
        var missing = new List<string>();
        foreach (var (schema, _) in ObjectSchemas(spec))
        {
            var type = ModelType(ClassName(schema));
            if (type is null || !registered.Contains(type)) missing.Add(ClassName(schema));
        }
        foreach (var extra in new[] { typeof(InstanceNetwork), typeof(CreateInstanceRequestNetwork), typeof(StartInstanceRequest) })
            if (!registered.Contains(extra)) missing.Add(extra.Name);

        var arrays = new List<string>();
        foreach (var (_, path) in spec.Root["paths"]!.Children)
        foreach (var (_, operation) in path.Children)
        foreach (var (status, response) in operation["responses"]?.Children ?? [])
        {
            if (!status.StartsWith('2')) continue;
            var schema = response["content"]?["application/json"]?["schema"];
            if (schema?["type"]?.Value != "array") continue;
            var item = SpecDocument.RefName(schema["items"]!)!;
            arrays.Add(item);
            var listType = typeof(List<>).MakeGenericType(ModelType(ClassName(item))!);
            if (!registered.Contains(listType)) missing.Add($"List<{item}>");
        }
        Assert.Contains("Snapshot", arrays);
        Assert.Contains("AvailableDevice", arrays);
        Assert.True(missing.Count == 0, "Not registered in HypemanJsonContext: " + string.Join(", ", missing));
    }

    /// <summary>Checks one object schema (named or inline) against its class, recursing into inline objects.</summary>
    private static void CheckObject(SpecDocument spec, YamlNode schema, string className, List<string> failures, bool strictNullability)
    {
        var type = ModelType(className);
        if (type is null)
        {
            failures.Add($"no class Hypeman.{className}");
            return;
        }
        var properties = JsonProperties(type);
        var required = (schema["required"]?.AsList() ?? []).ToHashSet(StringComparer.Ordinal);
        var nullability = new NullabilityInfoContext();
        var isRequest = IsRequestModel(className);
        foreach (var (json, node) in schema["properties"]?.Children ?? [])
        {
            if (!properties.TryGetValue(json, out var property))
            {
                failures.Add($"{className}: no property with [JsonPropertyName(\"{json}\")]");
                continue;
            }
            var inlineClass = className + Pascal(json);
            if (TypeMismatch(spec, node, property.PropertyType, inlineClass) is { } expected)
                failures.Add($"{className}.{property.Name} ('{json}') is {property.PropertyType.Name}, expected {expected}");
            if (node["type"]?.Value == "object" && node["properties"] is not null)
                CheckObject(spec, node, inlineClass, failures, strictNullability);

            if (className == nameof(ApiError)) continue; // error bodies are read leniently: code and message may be missing
            var specNullable = !required.Contains(json) || node["nullable"]?.Value == "true";
            var isNullable = IsNullable(property, nullability);
            if (IsCollection(property.PropertyType) && !isRequest)
            {
                if (isNullable) failures.Add($"{className}.{property.Name}: collections of answers are never null");
            }
            else if (specNullable && !isNullable)
            {
                failures.Add($"{className}.{property.Name} ('{json}') is optional or nullable in the spec and must be nullable");
            }
            else if (strictNullability && !specNullable && isNullable)
            {
                failures.Add($"{className}.{property.Name} ('{json}') is required and not nullable in the spec, so must not be nullable");
            }
        }
    }

    private static string? TypeMismatch(SpecDocument spec, YamlNode node, Type actual, string inlineClass)
    {
        var t = Nullable.GetUnderlyingType(actual) ?? actual;
        if (SpecDocument.RefName(node) is { } reference)
        {
            if (reference == "Tags") return IsMap(t, out var value) && value == typeof(string) ? null : "IReadOnlyDictionary<string, string>";
            if (spec.IsEnumSchema(reference)) return t == typeof(string) ? null : "string";
            return t == ModelType(ClassName(reference)) ? null : ClassName(reference);
        }
        switch (node["type"]?.Value)
        {
            case "string":
                return node["format"]?.Value == "date-time"
                    ? (t == typeof(DateTimeOffset) ? null : "DateTimeOffset")
                    : (t == typeof(string) ? null : "string");
            case "integer":
                return node["format"]?.Value == "int64"
                    ? (t == typeof(long) ? null : "long")
                    : (t == typeof(int) || t == typeof(long) ? null : "int or long");
            case "number":
                return t == typeof(double) ? null : "double";
            case "boolean":
                return t == typeof(bool) ? null : "bool";
            case "array":
                if (!t.IsGenericType || t.GetGenericTypeDefinition() != typeof(IReadOnlyList<>)) return "IReadOnlyList<>";
                return node["items"] is { } items ? TypeMismatch(spec, items, t.GetGenericArguments()[0], inlineClass) : null;
            case "object":
                if (node["additionalProperties"] is { } additional)
                {
                    if (!IsMap(t, out var valueType)) return "IReadOnlyDictionary<string, >";
                    return TypeMismatch(spec, additional, valueType!, inlineClass);
                }
                if (node["properties"] is not null) return t == ModelType(inlineClass) ? null : inlineClass;
                return t == typeof(JsonElement) ? null : "JsonElement";
            default:
                return $"a mapping for type '{node["type"]?.Value}'";
        }
    }

    private static bool IsMap(Type t, out Type? valueType)
    {
        valueType = null;
        if (!t.IsGenericType || t.GetGenericTypeDefinition() != typeof(IReadOnlyDictionary<,>) || t.GetGenericArguments()[0] != typeof(string))
            return false;
        valueType = t.GetGenericArguments()[1];
        return true;
    }

    private static bool IsCollection(Type t) =>
        t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static bool IsNullable(PropertyInfo property, NullabilityInfoContext context) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : context.Create(property).ReadState == NullabilityState.Nullable;
}
