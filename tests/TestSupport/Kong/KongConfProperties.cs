namespace KonnectAspire.TestSupport.Kong;

/// <summary>The kong.conf names Kong reads from <c>KONG_*</c> variables (Contracts/kong-conf, see SOURCE.md there).</summary>
public static class KongConfProperties
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Contracts", "kong-conf");

    public static readonly HashSet<string> OpenSource = Read("kong-conf-properties.txt");

    public static readonly HashSet<string> Enterprise = [.. OpenSource, .. Read("kong-conf-properties-enterprise-3.15.txt"), "license_data", "license_path"];

    public static readonly IReadOnlyList<string> DynamicPrefixes = [.. Read("kong-conf-dynamic-prefixes.txt")];

    /// <summary>The kong.conf property a <c>KONG_*</c> variable sets, or null when Kong ignores it.</summary>
    public static string? PropertyOf(string variable, bool enterprise)
    {
        if (!variable.StartsWith("KONG_", StringComparison.Ordinal))
        {
            return null;
        }

        var property = variable["KONG_".Length..].ToLowerInvariant();
        var known = enterprise ? Enterprise : OpenSource;
        return known.Contains(property) || DynamicPrefixes.Any(prefix => property.StartsWith(prefix, StringComparison.Ordinal)) ? property : null;
    }

    private static HashSet<string> Read(string file)
        => File.ReadAllLines(Path.Combine(Folder, file)).Select(line => line.Trim()).Where(line => line.Length > 0).ToHashSet(StringComparer.Ordinal);
}
