namespace Hypeman.Emulator.Http;

/// <summary>A handler for one route; it gets the matched request and returns the response.</summary>
internal delegate Task<IResult> RouteHandler(ApiRequest request);

/// <summary>One method + path template ("/instances/{id}/volumes/{volumeId}").</summary>
internal sealed record Route(string Method, string Template, RouteHandler Handler, bool RequiresAuth = true)
{
    public string[] Segments { get; } = Template.Trim('/').Split('/');

    public int StaticSegments => Segments.Count(s => !s.StartsWith('{'));
}

/// <summary>The result of matching a request against the route table.</summary>
internal abstract record RouteMatch
{
    public sealed record Found(Route Route, IReadOnlyDictionary<string, string> Values) : RouteMatch;
    public sealed record NotFound : RouteMatch;
    public sealed record WrongMethod(IReadOnlyList<string> Allowed) : RouteMatch;
}

/// <summary>
/// Path routing with chi's rules: case-sensitive, static segments beat parameters, a parameter matches
/// one non-empty segment (percent-decoded, so an escaped image name may contain '/'), unknown path → 404,
/// known path with another method → 405.
/// </summary>
internal sealed class Router
{
    private readonly List<Route> _routes = [];

    public void Add(Route route) => _routes.Add(route);

    public void Add(string method, string template, RouteHandler handler, bool requiresAuth = true) =>
        Add(new Route(method, template, handler, requiresAuth));

    public RouteMatch Match(string method, string rawPath)
    {
        var segments = rawPath.Length <= 1 ? [""] : rawPath[1..].Split('/');
        var candidates = new List<(Route Route, Dictionary<string, string> Values)>();
        foreach (var route in _routes)
        {
            if (TryBind(route, segments) is { } values) candidates.Add((route, values));
        }
        if (candidates.Count == 0) return new RouteMatch.NotFound();

        var withMethod = candidates
            .Where(c => c.Route.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Route.StaticSegments)
            .FirstOrDefault();
        if (withMethod.Route is not null) return new RouteMatch.Found(withMethod.Route, withMethod.Values);
        return new RouteMatch.WrongMethod(candidates.Select(c => c.Route.Method).Distinct().ToList());
    }

    private static Dictionary<string, string>? TryBind(Route route, string[] segments)
    {
        if (route.Segments.Length != segments.Length) return null;
        var values = new Dictionary<string, string>();
        for (var i = 0; i < segments.Length; i++)
        {
            var pattern = route.Segments[i];
            if (pattern.StartsWith('{'))
            {
                if (segments[i].Length == 0) return null;
                values[pattern[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(pattern, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }
        return values;
    }
}
