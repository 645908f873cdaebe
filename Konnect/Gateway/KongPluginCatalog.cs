namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// What is known about Kong's bundled plugins: which ship with open-source Kong 3.9 (the <c>kong:3.9</c> image)
/// and which exist only in Kong Gateway Enterprise / Konnect data planes.
/// </summary>
/// <remarks>
/// A plugin in neither list is unknown to Kong as bundled: a custom plugin, or a typo.
/// <code>
/// if (KongPluginCatalog.IsEnterpriseOnly(name)) { /* needs kong/kong-gateway or Konnect */ }
/// else if (!KongPluginCatalog.IsOpenSourceBundled(name)) { /* unknown plugin */ }
/// </code>
/// </remarks>
public static class KongPluginCatalog
{
    // Kong/kong 3.9.0 kong/constants.lua, BUNDLED_PLUGINS (the `plugins` table), in that file's order.
    private static readonly HashSet<string> OpenSource = new(StringComparer.Ordinal)
    {
        "jwt", "acl", "correlation-id", "cors", "oauth2", "tcp-log", "udp-log", "file-log", "http-log", "key-auth",
        "hmac-auth", "basic-auth", "ip-restriction", "request-transformer", "response-transformer",
        "request-size-limiting", "rate-limiting", "response-ratelimiting", "syslog", "loggly", "datadog", "ldap-auth",
        "statsd", "bot-detection", "aws-lambda", "request-termination", "prometheus", "proxy-cache", "session", "acme",
        "grpc-gateway", "grpc-web", "pre-function", "post-function", "azure-functions", "zipkin", "opentelemetry",
        "ai-proxy", "ai-prompt-decorator", "ai-prompt-template", "ai-prompt-guard", "ai-request-transformer",
        "ai-response-transformer", "standard-webhooks", "redirect",
    };

    // Kong-published plugins (publisher kong-inc in Kong/developer.konghq.com app/_kong_plugins/<name>/index.md)
    // missing from the list above: `tier: enterprise`, or added after 3.9, when Kong Gateway became Enterprise-only.
    // Partner and community plugins are left out: they are not bundled.
    private static readonly HashSet<string> EnterpriseOnly = new(StringComparer.Ordinal)
    {
        // Authentication
        "openid-connect", "oauth2-introspection", "ldap-auth-advanced", "mtls-auth", "header-cert-auth", "vault-auth",
        "key-auth-enc", "jwt-signer", "jwe-decrypt", "saml", "upstream-oauth", "ace",
        // Security
        "opa", "request-validator", "oas-validation", "websocket-validator", "websocket-size-limit",
        "json-threat-protection", "xml-threat-protection", "injection-protection", "tls-handshake-modifier",
        "tls-metadata-headers",
        // Traffic control
        "rate-limiting-advanced", "graphql-rate-limiting-advanced", "proxy-cache-advanced",
        "graphql-proxy-cache-advanced", "service-protection", "canary", "forward-proxy", "route-by-header",
        "upstream-timeout", "mocking", "request-callout",
        // Transformations
        "request-transformer-advanced", "response-transformer-advanced", "route-transformer-advanced",
        "exit-transformer", "jq", "degraphql", "datakit",
        // Event gateway and logging
        "kafka-upstream", "kafka-log", "kafka-consume", "confluent", "confluent-consume", "solace-upstream",
        "solace-consume", "solace-log", "statsd-advanced", "app-dynamics", "metering-and-billing",
        // AI Gateway Enterprise
        "ai-proxy-advanced", "ai-rate-limiting-advanced", "ai-semantic-cache", "ai-semantic-prompt-guard",
        "ai-semantic-response-guard", "ai-azure-content-safety", "ai-aws-guardrails", "ai-gcp-model-armor",
        "ai-lakera-guard", "ai-custom-guardrail", "ai-rag-injector", "ai-sanitizer", "ai-prompt-compressor",
        "ai-llm-as-judge", "ai-mcp-proxy", "ai-mcp-oauth2", "ai-a2a-proxy",
    };

    /// <summary>Whether <paramref name="pluginName"/> exists only in Kong Enterprise (Konnect data planes), not in open-source Kong.</summary>
    /// <param name="pluginName">The plugin name as Kong knows it, e.g. <c>rate-limiting-advanced</c>.</param>
    /// <returns>True for a Kong Enterprise bundled plugin; false for open-source and unknown plugins.</returns>
    public static bool IsEnterpriseOnly(string pluginName)
    {
        ArgumentNullException.ThrowIfNull(pluginName);
        return EnterpriseOnly.Contains(pluginName);
    }

    /// <summary>Whether <paramref name="pluginName"/> is bundled with open-source Kong 3.9 (and so also with Enterprise).</summary>
    /// <param name="pluginName">The plugin name as Kong knows it, e.g. <c>rate-limiting</c>.</param>
    /// <returns>True when the <c>kong:3.9</c> image can run the plugin without extra installation.</returns>
    public static bool IsOpenSourceBundled(string pluginName)
    {
        ArgumentNullException.ThrowIfNull(pluginName);
        return OpenSource.Contains(pluginName);
    }

    /// <summary>Whether an edition bundles <paramref name="pluginName"/>: open-source Kong 3.9, or Kong Enterprise (which has both lists).</summary>
    /// <param name="pluginName">The plugin name as Kong knows it.</param>
    /// <param name="enterprise">True for Kong Enterprise (Konnect data planes), false for open-source Kong.</param>
    /// <returns>True when that edition runs the plugin without extra installation.</returns>
    public static bool IsBundled(string pluginName, bool enterprise)
    {
        ArgumentNullException.ThrowIfNull(pluginName);
        return OpenSource.Contains(pluginName) || (enterprise && EnterpriseOnly.Contains(pluginName));
    }

    /// <summary>The bundled plugin names closest to <paramref name="pluginName"/> (fewest edits first), for "did you mean" messages.</summary>
    /// <param name="pluginName">A name the edition does not bundle, e.g. a typo.</param>
    /// <param name="enterprise">Whether Enterprise-only plugins are candidates.</param>
    /// <param name="count">How many names at most.</param>
    /// <returns>Up to <paramref name="count"/> names within a few edits, closest first, alphabetical among equals; empty when none is close.</returns>
    public static IReadOnlyList<string> Nearest(string pluginName, bool enterprise, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(pluginName);
        return [.. OpenSource.Concat(enterprise ? EnterpriseOnly : [])
            .Select(name => (name, distance: EditDistance(pluginName, name)))
            .Where(c => c.distance <= Math.Max(2, pluginName.Length / 3))
            .OrderBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.name)];
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
