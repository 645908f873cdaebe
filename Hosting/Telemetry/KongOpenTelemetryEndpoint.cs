using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.Kong.Telemetry;

/// <summary>Finds the Aspire dashboard's OTLP/HTTP endpoint as Kong's containers reach it.</summary>
internal static class KongOpenTelemetryEndpoint
{
    /// <summary>The dashboard resource's name in the model (Aspire's KnownResourceNames.AspireDashboard).</summary>
    public const string DashboardResourceName = "aspire-dashboard";

    /// <summary>The dashboard's OTLP/HTTP endpoint name (Aspire's KnownEndpointNames.OtlpHttpEndpointName).</summary>
    public const string OtlpHttpEndpointName = "otlp-http";

    // DCP allocates the address when the first container that exports OTLP is created, right after the control plane starts.
    private static readonly TimeSpan AllocationTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The setting that gives the dashboard an OTLP/HTTP endpoint (the AppHost launch profile sets it).</summary>
    public const string OtlpHttpUrlKey = "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL";

    private static readonly string[] OtlpHttpUrlKeys = [OtlpHttpUrlKey, "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"];

    /// <summary>
    /// Whether the dashboard (or, with the dashboard off, the configured receiver) takes OTLP/HTTP: Kong speaks nothing
    /// else. Asked at BeforeStartEvent, after Aspire's own handler has added the dashboard resource and its endpoints.
    /// </summary>
    public static bool IsAvailable(DistributedApplicationModel model, IConfiguration configuration)
        => FindDashboard(model) is { } dashboard
            ? dashboard.GetEndpoint(OtlpHttpEndpointName).Exists
            : ConfiguredHttpUrl(configuration) is not null;

    /// <summary>
    /// The OTLP/HTTP base address in the container network: the dashboard endpoint's address there (the container tunnel,
    /// or the host gateway), or with the dashboard off the configured URL with localhost rewritten the way Aspire
    /// rewrites it for containers. Waits for the address to be allocated.
    /// </summary>
    /// <exception cref="DistributedApplicationException">Neither the dashboard nor the configuration offers OTLP/HTTP.</exception>
    public static async Task<Uri> ResolveForContainersAsync(
        DistributedApplicationModel model,
        IConfiguration configuration,
        DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        IValueProvider address;
        if (FindDashboard(model) is { } dashboard && dashboard.GetEndpoint(OtlpHttpEndpointName, KnownNetworkIdentifiers.DefaultAspireContainerNetwork) is { Exists: true } endpoint)
        {
            address = endpoint.Property(EndpointProperty.Url);
        }
        else if (ConfiguredHttpUrl(configuration) is { } configured)
        {
            address = new HostUrl(configured);
        }
        else
        {
            throw new DistributedApplicationException(
                $"Kong's spans need an OTLP/HTTP receiver, and the dashboard takes none; set {OtlpHttpUrlKey} (the AppHost launch profile does) or call WithoutOpenTelemetry() on the control plane.");
        }

        var url = await KongContainerNetwork.ResolveAsync(
            address,
            executionContext,
            AllocationTimeout,
            $"The dashboard's OTLP/HTTP endpoint got no address in the container network within {AllocationTimeout.TotalMinutes} minutes, so Kong's opentelemetry plugin cannot be configured; call WithoutOpenTelemetry() on the control plane to sync without it.",
            cancellationToken).ConfigureAwait(false);
        return new Uri(url ?? throw new DistributedApplicationException("The dashboard's OTLP/HTTP endpoint has no address in the container network."));
    }

    private static IResourceWithEndpoints? FindDashboard(DistributedApplicationModel model)
        => model.Resources.FirstOrDefault(r => r.Name == DashboardResourceName) as IResourceWithEndpoints;

    private static string? ConfiguredHttpUrl(IConfiguration configuration)
        => OtlpHttpUrlKeys.Select(key => configuration[key]).FirstOrDefault(value => !string.IsNullOrEmpty(value));
}
