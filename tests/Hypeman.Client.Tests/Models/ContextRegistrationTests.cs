using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Hypeman.Serialization;

namespace Hypeman.Client.Tests.Models;

public sealed class ContextRegistrationTests
{
    /// <summary>Every type named by a [JsonSerializable] attribute of the context.</summary>
    internal static IEnumerable<Type> RegisteredTypes() =>
        typeof(HypemanJsonContext).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!);

    [Fact]
    public void The_context_has_metadata_for_every_registered_type()
    {
        var types = RegisteredTypes().ToList();
        Assert.True(types.Count > 90, $"only {types.Count} registrations");
        foreach (var type in types)
        {
            var info = HypemanJsonContext.Default.GetTypeInfo(type);
            Assert.NotNull(info);
            Assert.Same(type, info.Type);
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                Assert.Equal(JsonTypeInfoKind.Enumerable, info.Kind);
                Assert.NotNull(HypemanJsonContext.Default.GetTypeInfo(type.GetGenericArguments()[0]));
                continue;
            }

            if (type.Namespace != "Hypeman") continue; // framework types such as JsonElement (raw answers)

            // Objects: every [JsonPropertyName] of the class is in the contract under that name, and [JsonIgnore] keys are not.
            Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
            // [JsonIgnore] properties stay in the metadata but without accessors: only count the ones that are read or written.
            var contract = info.Properties.Where(p => p.Get is not null || p.Set is not null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } name)
                    Assert.Contains(name.Name, contract);
                else
                    Assert.True(property.IsDefined(typeof(JsonIgnoreAttribute)), $"{type.Name}.{property.Name} has neither [JsonPropertyName] nor [JsonIgnore]");
            }
            Assert.All(contract, name => Assert.Equal(name.ToLowerInvariant(), name));
        }
    }

    [Fact]
    public void Every_public_model_class_of_the_namespace_is_registered()
    {
        var registered = RegisteredTypes().ToHashSet();
        var models = typeof(Instance).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Hypeman" && t.IsClass && !t.IsAbstract)
            .Where(t => t.GetProperties().Any(p => p.IsDefined(typeof(JsonPropertyNameAttribute))));
        Assert.All(models, model => Assert.Contains(model, registered));
    }
}
