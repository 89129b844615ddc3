using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Hypeman.PowerShell;

/// <summary>
/// Isolates third-party assemblies. Hypeman.Client.Http (the HTTP pipeline) and everything it
/// needs (Microsoft.Extensions.*, Polly) live in the module's "dependencies" folder and load in a
/// private <see cref="AssemblyLoadContext"/>, so another module's versions of those assemblies
/// in the same session cannot clash with ours. Only the engine's name is redirected here; the
/// models (Hypeman.Client) stay in the default context so scripts can name their types.
/// Nothing else happens at import: the HTTP machinery loads on the first call.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal const string EngineAssemblyName = "Hypeman.Client.Http";

    private static readonly string s_dependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies");

    private static readonly Lazy<DependencyLoadContext> s_context = new(() => new DependencyLoadContext(s_dependencyFolder));

    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveEngine;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

    private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name)
    {
        if (!string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal)) return null;
        // A build without the folder (the test host) leaves the engine beside us: let the default rules load it.
        if (!File.Exists(Path.Combine(s_dependencyFolder, EngineAssemblyName + ".dll"))) return null;
        return s_context.Value.LoadFromAssemblyName(name);
    }

    /// <summary>Loads from the dependencies folder first; anything not there (the framework, Hypeman.Client) comes from the default context.</summary>
    private sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _folder;

        public DependencyLoadContext(string folder) : base("Hypeman.Dependencies", isCollectible: false) => _folder = folder;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
