namespace KonnectAspire.Konnect.Gateway;

/// <summary>What is known about Kong's bundled plugins, e.g. which exist only in Kong Gateway Enterprise / Konnect.</summary>
public static class KongPluginCatalog
{
    /// <summary>Whether <paramref name="pluginName"/> exists only in Kong Enterprise (Konnect data planes), not in open-source Kong.</summary>
    public static bool IsEnterpriseOnly(string pluginName) => throw new NotImplementedException(pluginName);
}
