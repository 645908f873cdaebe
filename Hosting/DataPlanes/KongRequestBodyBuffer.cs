using System.Globalization;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Gateway.Ai;

namespace Aspire.Hosting.Kong.DataPlanes;

/// <summary>
/// How much of a request body a data plane keeps in memory (nginx <c>client_body_buffer_size</c>, kong.conf
/// <c>nginx_http_client_body_buffer_size</c>, 8k by default). ai-proxy reads only a body held in memory, so the buffer
/// must be at least every LLM route's <c>max_request_body_size</c>: otherwise a long prompt is buffered to a file and
/// Kong answers 400 "request body doesn't contain valid prompts".
/// </summary>
internal static class KongRequestBodyBuffer
{
    /// <summary>The environment variable (kong.conf <c>nginx_http_client_body_buffer_size</c>).</summary>
    public const string EnvironmentVariable = "KONG_NGINX_HTTP_CLIENT_BODY_BUFFER_SIZE";

    /// <summary>The nginx size for data planes whose control plane has routes with these ai-proxy body limits (at least the default).</summary>
    public static string For(IEnumerable<int> maxRequestBodySizes)
    {
        var bytes = maxRequestBodySizes.Append(AiProxyPluginConfig.DefaultMaxRequestBodySize).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{(bytes + 1023) / 1024}k");
    }

    /// <summary>The ai-proxy body limits a gateway config sets (the Kong default where a plugin sets none).</summary>
    public static IEnumerable<int> LimitsOf(GatewayConfiguration configuration) =>
        configuration.Plugins
            .Where(p => p.Name == AiProxyPluginConfig.PluginName)
            .Select(p => p.Config["max_request_body_size"]?.GetValue<int>() ?? AiProxyPluginConfig.KongDefaultMaxRequestBodySize);
}
