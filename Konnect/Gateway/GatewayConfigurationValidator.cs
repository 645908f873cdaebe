using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>Checks a gateway model the way Kong would, so that mistakes surface before anything is sent.</summary>
/// <remarks>
/// The rules follow Kong 3.9's schema (kong/db/schema/typedefs.lua and entities/routes.lua, traditional router):
/// names, route paths (prefix or <c>~/</c> regex, no empty segments, valid percent-encoding, normalized form),
/// methods, protocols and references between entities. Plugin configs are not checked: Kong owns their schemas.
/// </remarks>
public static partial class GatewayConfigurationValidator
{
    private static readonly HashSet<string> ServiceProtocols =
        ["http", "https", "grpc", "grpcs", "tcp", "tls", "tls_passthrough", "udp", "ws", "wss"];

    private static readonly HashSet<string> RouteProtocols = ServiceProtocols;

    // RFC 3986 reserved characters; Kong keeps them percent-encoded when it normalizes a path (kong/tools/uri.lua).
    private const string ReservedCharacters = "!*'();:@&=+$,/?%#[]";

    /// <summary>Every problem found, each a sentence naming the entity and the fix; empty when valid.</summary>
    /// <param name="configuration">The model to check.</param>
    /// <returns>The problems, in model order.</returns>
    public static IReadOnlyList<string> Validate(GatewayConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        ValidateServices(configuration, problems);
        ValidateRoutes(configuration, problems);
        ValidatePlugins(configuration, problems);
        return problems;
    }

    /// <summary>
    /// The plugins an edition does not bundle (a typo, or a custom plugin the data planes do not load), each with the
    /// nearest bundled names. Enterprise-only plugins on open source are left to the caller, whose fix differs.
    /// </summary>
    /// <param name="configuration">The model to check.</param>
    /// <param name="enterprise">Whether the data planes run Kong Enterprise (Konnect) rather than open-source Kong.</param>
    /// <param name="edition">How the edition is named in the messages, e.g. "Kong 3.9.3 (open source)".</param>
    /// <returns>One sentence per unknown plugin name.</returns>
    public static IReadOnlyList<string> FindUnbundledPlugins(GatewayConfiguration configuration, bool enterprise, string edition)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.Plugins
            .Where(plugin => !KongPluginCatalog.IsBundled(plugin.Name, enterprise) && !KongPluginCatalog.IsEnterpriseOnly(plugin.Name))
            .Select(plugin => plugin.Name)
            .Distinct(StringComparer.Ordinal)
            .Select(name => $"Plugin '{name}' is not a plugin {edition} bundles; " + (KongPluginCatalog.Nearest(name, enterprise) is { Count: > 0 } nearest
                ? $"did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?"
                : "no bundled plugin has a similar name. Check the plugin's name."))];
    }

    /// <summary>
    /// The config problems of every plugin whose schema the project carries (<see cref="KongPluginFieldSchema.For"/>):
    /// unknown fields, wrong types, values outside enums and ranges, and, for open-source data planes, fields only
    /// later or Enterprise versions have.
    /// </summary>
    /// <param name="configuration">The model to check.</param>
    /// <param name="openSourceOnly">Whether the data planes run open-source Kong 3.9.3.</param>
    /// <returns>One sentence per plugin with problems, naming the plugin, its scope and each field.</returns>
    public static IReadOnlyList<string> FindPluginConfigProblems(GatewayConfiguration configuration, bool openSourceOnly)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var group in configuration.Plugins.GroupBy(plugin => plugin.Name, StringComparer.Ordinal))
        {
            if (KongPluginFieldSchema.For(group.Key) is not { } schema)
            {
                continue;
            }

            foreach (var plugin in group)
            {
                var found = schema.Check(new JsonObject { ["config"] = plugin.Config.DeepClone() }, openSourceOnly);
                if (found.Count > 0)
                {
                    var scope = plugin.Route is not null ? $" on route '{plugin.Route}'" : plugin.Service is not null ? $" on service '{plugin.Service}'" : " (global)";
                    problems.Add($"Plugin '{plugin.Name}'{scope} has a config Kong would refuse: {string.Join("; ", found)}. Fix those fields (see the plugin's reference on developer.konghq.com).");
                }
            }
        }

        return problems;
    }

    /// <summary>Why Kong would reject <paramref name="path"/> as a route path, or null when it is valid.</summary>
    /// <param name="path">A route path: a prefix starting with <c>/</c>, or a regex starting with <c>~/</c>.</param>
    /// <returns>A sentence naming the problem and the fix, or null.</returns>
    public static string? ValidateRoutePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
            return "Kong rejects route path '': it must not be empty; use '/' to match every path.";

        var isRegex = path.StartsWith("~/", StringComparison.Ordinal);
        if (!isRegex && !path.StartsWith('/'))
        {
            var suggestion = path.StartsWith('~') ? "~/" + path[1..] : "/" + path;
            return $"Kong rejects route path '{path}': it should start with '/' (fixed path) or '~/' (regex path); use '{suggestion}'.";
        }

        if (path.Contains("//", StringComparison.Ordinal))
            return $"Kong rejects route path '{path}': it must not have empty segments ('//'); use '{CollapseSlashes(path)}'.";

        if (isRegex)
            return RegexProblem(path);

        if (BadPercentEncoding(path) is string bad)
            return $"Kong rejects route path '{path}': invalid url-encoded value '{bad}'; write '%' itself as '%25'.";

        var normalized = NormalizePath(path);
        return normalized == path
            ? null
            : $"Kong rejects route path '{path}': it is not in normalized form; use '{normalized}'.";
    }

    private static void ValidateServices(GatewayConfiguration configuration, List<string> problems)
    {
        foreach (var service in configuration.Services)
        {
            var label = $"Service '{service.Name}'";
            CheckName("service", service.Name, problems);
            if (string.IsNullOrWhiteSpace(service.Host))
                problems.Add($"{label} has no host; set the upstream host name the data planes reach.");
            if (service.Port is < 0 or > 65535)
                problems.Add($"{label} has port {service.Port}; use a port between 0 and 65535.");
            if (!ServiceProtocols.Contains(service.Protocol))
                problems.Add($"{label} has protocol '{service.Protocol}'; use one of {string.Join(", ", ServiceProtocols)}.");
            if (service.Path is not null && ServicePathProblem(service.Path) is string pathProblem)
                problems.Add($"{label} has path '{service.Path}': {pathProblem}");
            CheckTags(label, service.Tags, problems);
        }

        ReportDuplicates("service", configuration.Services.Select(service => service.Name), problems);
    }

    private static void ValidateRoutes(GatewayConfiguration configuration, List<string> problems)
    {
        var serviceNames = configuration.Services.Select(service => service.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var route in configuration.Routes)
        {
            var label = $"Route '{route.Name}'";
            CheckName("route", route.Name, problems);
            if (!serviceNames.Contains(route.Service))
                problems.Add($"{label} points at service '{route.Service}', which is not defined; add that service or fix the route's service name.");
            if (route.Paths.Count == 0 && route.Hosts.Count == 0 && route.Methods.Count == 0)
                problems.Add($"{label} matches nothing: Kong requires at least one of paths, hosts or methods; add a path such as '/{route.Name}'.");
            foreach (var path in route.Paths)
            {
                if (ValidateRoutePath(path) is string pathProblem)
                    problems.Add($"{label}: {pathProblem}");
            }

            foreach (var method in route.Methods.Where(method => !UpperCaseLetters().IsMatch(method)))
                problems.Add($"{label} has method '{method}'; Kong expects upper-case letters, e.g. '{method.ToUpperInvariant()}'.");
            if (route.Protocols.Count == 0)
                problems.Add($"{label} has no protocols; use [http, https].");
            foreach (var protocol in route.Protocols.Where(protocol => !RouteProtocols.Contains(protocol)))
                problems.Add($"{label} has protocol '{protocol}'; use one of {string.Join(", ", RouteProtocols)}.");
            foreach (var host in route.Hosts.Where(host => !ValidRouteHost(host)))
                problems.Add($"{label} has host '{host}'; use a host name with at most one '*' as its leftmost or rightmost label (e.g. '*.example.com').");
            CheckTags(label, route.Tags, problems);
        }

        ReportDuplicates("route", configuration.Routes.Select(route => route.Name), problems);
        ReportSharedPaths(configuration.Routes, problems);
    }

    private static void ValidatePlugins(GatewayConfiguration configuration, List<string> problems)
    {
        var serviceNames = configuration.Services.Select(service => service.Name).ToHashSet(StringComparer.Ordinal);
        var routeNames = configuration.Routes.Select(route => route.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var plugin in configuration.Plugins)
        {
            var label = $"Plugin '{plugin.Name}'";
            if (string.IsNullOrWhiteSpace(plugin.Name))
                problems.Add("A plugin has no name; set the plugin name as Kong knows it, e.g. 'rate-limiting'.");
            if (plugin.Service is not null && !serviceNames.Contains(plugin.Service))
                problems.Add($"{label} is scoped to service '{plugin.Service}', which is not defined; add that service or fix the plugin's scope.");
            if (plugin.Route is not null && !routeNames.Contains(plugin.Route))
                problems.Add($"{label} is scoped to route '{plugin.Route}', which is not defined; add that route or fix the plugin's scope.");
            CheckTags(label, plugin.Tags, problems);
        }

        foreach (var group in configuration.Plugins.GroupBy(plugin => (plugin.Name, KongEntityJson.ScopeOf(plugin))).Where(group => group.Count() > 1))
            problems.Add($"Plugin '{group.Key.Name}' is configured {group.Count()} times for the same scope ({group.Key.Item2}); Kong allows one per scope, so merge their config into one.");
    }

    private static void CheckName(string kind, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
            problems.Add($"A {kind} has no name; give every {kind} a unique name.");
        else if (!ValidName().IsMatch(name))
            problems.Add($"The {kind} name '{name}' has characters Kong rejects; use only letters, digits, '.', '-', '_' and '~' (e.g. '{ValidNameSuggestion(name)}').");
    }

    private static void CheckTags(string label, IEnumerable<string> tags, List<string> problems)
    {
        foreach (var tag in tags.Where(tag => !IsValidTag(tag)))
            problems.Add($"{label} has tag '{tag}'; Kong tags are printable characters without ',' or '/' — remove or rename it.");
    }

    /// <summary>Whether Kong accepts <paramref name="tag"/>: printable ASCII except ',' and '/', or non-ASCII text.</summary>
    internal static bool IsValidTag(string tag)
        => tag.Length > 0 && tag.All(c => c > 127 || (c >= 33 && c <= 126 && c != ',' && c != '/'));

    private static void ReportDuplicates(string kind, IEnumerable<string> names, List<string> problems)
    {
        foreach (var group in names.Where(name => !string.IsNullOrEmpty(name)).GroupBy(name => name, StringComparer.Ordinal).Where(group => group.Count() > 1))
            problems.Add($"The {kind} name '{group.Key}' is used {group.Count()} times; Kong needs unique {kind} names, so rename all but one.");
    }

    // Two routes with the same path only conflict when nothing else tells them apart.
    private static void ReportSharedPaths(IEnumerable<GatewayRoute> routes, List<string> problems)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var discriminator = string.Join(",", route.Hosts.Order(StringComparer.OrdinalIgnoreCase)) + "|" +
                                string.Join(",", route.Methods.Order(StringComparer.Ordinal));
            foreach (var path in route.Paths.Distinct(StringComparer.Ordinal))
            {
                var key = path + "|" + discriminator;
                if (!claimed.TryAdd(key, route.Name) && claimed[key] != route.Name)
                    problems.Add($"Routes '{claimed[key]}' and '{route.Name}' both match path '{path}' with the same hosts and methods; give each route its own path.");
            }
        }
    }

    private static string? ServicePathProblem(string path)
    {
        if (!path.StartsWith('/'))
            return $"it should start with '/'; use '/{path}'.";
        if (path.Contains("//", StringComparison.Ordinal))
            return $"it must not have empty segments ('//'); use '{CollapseSlashes(path)}'.";
        if (!Rfc3986Path().IsMatch(path))
            return "it has characters outside RFC 3986; percent-encode them.";
        return BadPercentEncoding(path) is string bad ? $"invalid url-encoded value '{bad}'; write '%' itself as '%25'." : null;
    }

    private static string? RegexProblem(string path)
    {
        var pattern = path[1..];
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"Kong rejects route path '{path}': invalid regex '{pattern}' ({ex.Message.TrimEnd('.')}); fix the regular expression after '~'.";
        }
    }

    private static string? BadPercentEncoding(string path)
    {
        for (var i = path.IndexOf('%', StringComparison.Ordinal); i >= 0; i = path.IndexOf('%', i + 1))
        {
            if (i + 2 >= path.Length || !Uri.IsHexDigit(path[i + 1]) || !Uri.IsHexDigit(path[i + 2]))
                return path.Substring(i, Math.Min(3, path.Length - i));
        }

        return null;
    }

    private static bool ValidRouteHost(string host)
    {
        if (host.Length == 0)
            return false;
        var wildcards = host.Count(c => c == '*');
        return wildcards == 0 ||
               (wildcards == 1 && (host.StartsWith("*.", StringComparison.Ordinal) || host.EndsWith(".*", StringComparison.Ordinal)));
    }

    private static string CollapseSlashes(string path) => MultipleSlashes().Replace(path, "/");

    private static string ValidNameSuggestion(string name)
    {
        var suggestion = InvalidNameCharacters().Replace(name.Trim(), "-").Trim('-');
        return suggestion.Length == 0 ? "my-name" : suggestion;
    }

    /// <summary>
    /// Kong's path normalization (kong/tools/uri.lua normalize, with merged slashes): decodes percent-encoded
    /// unreserved characters, upper-cases the reserved ones, and removes dot segments.
    /// </summary>
    internal static string NormalizePath(string uri)
    {
        if (uri.Length == 0 || uri == "/")
            return uri;
        if (uri.Contains('%', StringComparison.Ordinal))
            uri = DecodeUnreserved(uri);
        if (!uri.Contains('.', StringComparison.Ordinal) && !uri.Contains("//", StringComparison.Ordinal))
            return uri;

        var output = new List<string>();
        while (uri.Length > 0)
        {
            if (uri == "/.")
            {
                uri = "/";
            }
            else if (uri == "/..")
            {
                uri = "/";
                RemoveLast(output);
            }
            else if (uri is "." or "..")
            {
                uri = "";
            }
            else if (uri.StartsWith("../", StringComparison.Ordinal))
            {
                uri = uri[3..];
            }
            else if (uri.StartsWith("./", StringComparison.Ordinal))
            {
                uri = uri[2..];
            }
            else if (uri.StartsWith("/./", StringComparison.Ordinal))
            {
                uri = uri[2..];
            }
            else if (uri.StartsWith("/../", StringComparison.Ordinal))
            {
                uri = uri[3..];
                RemoveLast(output);
            }
            else if (uri.StartsWith("//", StringComparison.Ordinal))
            {
                uri = uri[1..];
            }
            else
            {
                var next = uri.IndexOf('/', 1);
                output.Add(next < 0 ? uri : uri[..next]);
                uri = next < 0 ? "" : uri[next..];
            }
        }

        return string.Concat(output);
    }

    private static void RemoveLast(List<string> segments)
    {
        if (segments.Count > 0)
            segments.RemoveAt(segments.Count - 1);
    }

    // Works on bytes so that an encoded UTF-8 sequence decodes to its character, as Kong's byte-wise Lua does.
    private static string DecodeUnreserved(string uri)
    {
        var bytes = new List<byte>(uri.Length);
        for (var i = 0; i < uri.Length; i++)
        {
            if (uri[i] == '%' && i + 2 < uri.Length && Uri.IsHexDigit(uri[i + 1]) && Uri.IsHexDigit(uri[i + 2]))
            {
                var value = Convert.ToByte(uri.Substring(i + 1, 2), 16);
                if (ReservedCharacters.Contains((char)value, StringComparison.Ordinal))
                    bytes.AddRange(Encoding.ASCII.GetBytes(uri.Substring(i, 3).ToUpperInvariant()));
                else
                    bytes.Add(value);
                i += 2;
            }
            else
            {
                var length = char.IsHighSurrogate(uri[i]) && i + 1 < uri.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(uri.Substring(i, length)));
                i += length - 1;
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"^[\p{L}\p{N}._~\-\u0080-\uFFFF]+$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"[^\p{L}\p{N}._~\-]+")]
    private static partial Regex InvalidNameCharacters();

    [GeneratedRegex("^[A-Z]+$")]
    private static partial Regex UpperCaseLetters();

    [GeneratedRegex("/{2,}")]
    private static partial Regex MultipleSlashes();

    [GeneratedRegex(@"^/[A-Za-z0-9.\-_~/%:@!$&'()*+,;=]*$")]
    private static partial Regex Rfc3986Path();
}
