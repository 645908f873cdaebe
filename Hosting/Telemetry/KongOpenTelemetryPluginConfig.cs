using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Telemetry;

/// <summary>The config of Kong's <c>opentelemetry</c> plugin that sends a data plane group's spans to an OTLP/HTTP receiver.</summary>
internal static class KongOpenTelemetryPluginConfig
{
    /// <summary>The plugin name as Kong knows it.</summary>
    public const string PluginName = "opentelemetry";

    /// <summary>The OTLP/HTTP traces path; Kong posts to traces_endpoint verbatim, so it must be part of the URL.</summary>
    public const string TracesPath = "/v1/traces";

    /// <summary>The header the Aspire dashboard reads its OTLP API key from.</summary>
    public const string ApiKeyHeader = "x-otlp-api-key";

    /// <summary>
    /// The data plane environment variable holding the dashboard's OTLP API key. The plugin config names it through
    /// Kong's env vault, so the key stays on the data planes and never reaches a control plane's database or Konnect.
    /// </summary>
    public const string ApiKeyEnvironmentVariable = "KONNECTASPIRE_OTLP_API_KEY";

    /// <summary>The env vault reference Kong resolves to <see cref="ApiKeyEnvironmentVariable"/> on each data plane.</summary>
    public const string ApiKeyReference = "{vault://env/konnectaspire-otlp-api-key}";

    /// <summary>
    /// The plugin config: spans to <paramref name="otlpHttpEndpoint"/> + <see cref="TracesPath"/>, W3C trace context
    /// read from and written to requests, and <c>service.name</c> = <paramref name="serviceName"/>.
    /// </summary>
    /// <param name="otlpHttpEndpoint">The receiver's OTLP/HTTP base address as the data planes reach it.</param>
    /// <param name="serviceName">The service name the spans carry: the data plane group's resource name.</param>
    /// <param name="sendApiKey">Whether to send the dashboard's API key header (from <see cref="ApiKeyEnvironmentVariable"/>).</param>
    public static JsonObject Create(Uri otlpHttpEndpoint, string serviceName, bool sendApiKey)
    {
        ArgumentNullException.ThrowIfNull(otlpHttpEndpoint);
        ArgumentException.ThrowIfNullOrEmpty(serviceName);

        var config = new JsonObject
        {
            ["traces_endpoint"] = TracesEndpoint(otlpHttpEndpoint).AbsoluteUri,
            ["resource_attributes"] = new JsonObject { ["service.name"] = serviceName },
            ["propagation"] = new JsonObject
            {
                ["extract"] = new JsonArray("w3c"),
                ["inject"] = new JsonArray("w3c"),
                ["default_format"] = "w3c",
            },
        };
        if (sendApiKey)
        {
            config["headers"] = new JsonObject { [ApiKeyHeader] = ApiKeyReference };
        }

        return config;
    }

    /// <summary>
    /// The <c>service.name</c> of a control plane's spans: the plugin is one per control plane, so its spans are named
    /// after its data-plane group when it has one, and after the control plane otherwise.
    /// </summary>
    public static string ServiceName(IKongControlPlaneResource controlPlane, IReadOnlyList<string> groupNames)
        => groupNames.Count == 1 ? groupNames[0] : controlPlane.Name;

    /// <summary>Whether a plugin is a global opentelemetry plugin, which the user's own config then provides.</summary>
    public static bool IsGlobal(string name, string? route, string? service)
        => name == PluginName && route is null && service is null;

    /// <summary><paramref name="otlpHttpEndpoint"/> with <see cref="TracesPath"/> appended to whatever path it has.</summary>
    public static Uri TracesEndpoint(Uri otlpHttpEndpoint)
        => new($"{otlpHttpEndpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}{TracesPath}");
}
