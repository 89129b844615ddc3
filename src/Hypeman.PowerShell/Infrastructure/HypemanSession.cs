using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Hypeman.PowerShell;

/// <summary>
/// Connection state of one runspace. Each runspace (a thread job, each ForEach-Object -Parallel
/// iteration) has its own, and it goes away with the runspace. Connections are immutable, so
/// passing one to another runspace with $using: is safe.
/// </summary>
internal sealed class HypemanSession
{
    private static readonly ConditionalWeakTable<Runspace, HypemanSession> s_sessions = new();
    private static readonly HypemanSession s_noRunspace = new();

    private readonly object _gate = new();
    private readonly Dictionary<string, HypemanConnection> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HypemanConnection> _order = []; // oldest first
    private HypemanConnection? _default;

    /// <summary>The session of the runspace running on this thread.</summary>
    public static HypemanSession Current =>
        Runspace.DefaultRunspace is { } runspace ? s_sessions.GetValue(runspace, static _ => new HypemanSession()) : s_noRunspace;

    /// <summary>Short-lived caches for argument completion.</summary>
    public CompletionCache Completions { get; } = new();

    public HypemanConnection? Default
    {
        get { lock (_gate) return _default; }
    }

    /// <summary>Connections made with Connect-Hypeman, the default first.</summary>
    public IReadOnlyList<HypemanConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                var all = _named.Values.OrderBy(c => c == _default ? 0 : 1).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
                return all;
            }
        }
    }

    public HypemanConnection? Find(string name)
    {
        lock (_gate) return _named.GetValueOrDefault(name);
    }

    /// <summary>
    /// The connections whose names match the patterns (wildcards allowed, case-insensitive), each once.
    /// A name without wildcards that matches nothing is reported through <paramref name="writeError"/>.
    /// </summary>
    public List<HypemanConnection> Match(IEnumerable<string> names, Action<ErrorRecord> writeError)
    {
        var connections = Connections;
        var matches = new List<HypemanConnection>();
        foreach (var name in names)
        {
            var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            var found = connections.Where(c => pattern.IsMatch(c.Name)).ToList();
            if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                writeError(HypemanErrors.Create("ConnectionNotFound", ErrorCategory.ObjectNotFound, name,
                    $"There is no Hypeman connection named '{name}' in this session."));
            matches.AddRange(found.Where(c => !matches.Contains(c)));
        }
        return matches;
    }

    /// <summary>Registers a connection under its name and makes it the default.</summary>
    public void Connect(HypemanConnection connection)
    {
        lock (_gate)
        {
            if (_named.TryGetValue(connection.Name, out var replaced)) _order.Remove(replaced);
            _named[connection.Name] = connection;
            _order.Add(connection);
            _default = connection;
        }
        Completions.Clear();
    }

    /// <summary>Forgets a connection; if it was the default, the most recently made of the others becomes the default.</summary>
    public bool Disconnect(HypemanConnection connection)
    {
        bool removed;
        lock (_gate)
        {
            removed = _named.Remove(connection.Name);
            _order.Remove(connection);
            if (ReferenceEquals(_default, connection)) _default = _order.Count > 0 ? _order[^1] : null;
        }
        Completions.Clear();
        return removed;
    }
}
