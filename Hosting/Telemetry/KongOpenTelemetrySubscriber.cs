using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Kong.Telemetry;

/// <summary>
/// Makes every Kong gateway of the model send its spans to the Aspire dashboard, with no line in the AppHost: before
/// the app starts it records the <c>opentelemetry</c> plugin (global) on each control plane, and sets
/// <c>KONG_TRACING_INSTRUMENTATIONS</c>/<c>KONG_TRACING_SAMPLING_RATE</c> on each of its data plane containers.
/// A control plane opted out with <c>WithoutOpenTelemetry()</c> is left alone.
/// </summary>
internal sealed class KongOpenTelemetrySubscriber(IConfiguration configuration, ILogger<KongOpenTelemetrySubscriber> logger)
    : IDistributedApplicationEventingSubscriber
{
    /// <summary>The configuration key Aspire keeps the dashboard's OTLP API key under.</summary>
    public const string OtlpApiKeyConfigurationKey = "AppHost:OtlpApiKey";

    /// <inheritdoc />
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        // Published gateways send spans where their platform says; the dashboard exists only in run mode.
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>(OnBeforeStartAsync);
        }

        return Task.CompletedTask;
    }

    private Task OnBeforeStartAsync(BeforeStartEvent @event, CancellationToken cancellationToken)
    {
        var model = @event.Model;
        var controlPlanes = model.Resources.OfType<IKongControlPlaneResource>()
            .Where(KongTracingSettings.IsEnabled)
            .ToList();
        if (controlPlanes.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (!KongOpenTelemetryEndpoint.IsAvailable(model, configuration))
        {
            logger.LogWarning(
                "Kong data planes will not send spans: the dashboard takes no OTLP/HTTP, the only protocol Kong speaks. Set {Setting} (the AppHost launch profile does), or call WithoutOpenTelemetry() on the control plane to silence this.",
                KongOpenTelemetryEndpoint.OtlpHttpUrlKey);
            return Task.CompletedTask;
        }

        var sendApiKey = !string.IsNullOrEmpty(configuration[OtlpApiKeyConfigurationKey]);
        foreach (var controlPlane in controlPlanes)
        {
            var groups = model.Resources.OfType<KongDataPlaneResource>().Where(group => group.ControlPlane == controlPlane).ToList();
            AddPlugin(controlPlane, groups, sendApiKey);
            foreach (var instance in model.Resources.OfType<KongDataPlaneInstanceResource>().Where(instance => groups.Contains(instance.Parent)))
            {
                TraceRequests(instance);
            }
        }

        return Task.CompletedTask;
    }

    private void AddPlugin(IKongControlPlaneResource controlPlane, IReadOnlyList<KongDataPlaneResource> groups, bool sendApiKey)
    {
        if (controlPlane.Annotations.OfType<KongPluginAnnotation>().Any(IsGlobalOpenTelemetry))
        {
            logger.LogInformation("Control plane '{ControlPlane}' already has a global opentelemetry plugin; keeping that one.", controlPlane.Name);
            return;
        }

        var serviceName = KongOpenTelemetryPluginConfig.ServiceName(controlPlane, groups.Select(group => group.Name).ToList());
        controlPlane.Annotations.Add(new KongPluginAnnotation
        {
            Name = KongOpenTelemetryPluginConfig.PluginName,
            ConfigProvider = async (context, cancellationToken) =>
            {
                var services = context.ExecutionContext.Services;
                var endpoint = await KongOpenTelemetryEndpoint.ResolveForContainersAsync(
                    services.GetRequiredService<DistributedApplicationModel>(),
                    services.GetRequiredService<IConfiguration>(),
                    context.ExecutionContext,
                    cancellationToken).ConfigureAwait(false);
                return KongOpenTelemetryPluginConfig.Create(endpoint, serviceName, sendApiKey);
            },
        });

        // DCP gives a container the dashboard's OTLP endpoints in the container network only when it exports OTLP;
        // the control plane starts first, so marking it makes the address ready by the time the plugin is synced.
        if (controlPlane is ContainerResource)
        {
            controlPlane.Annotations.Add(new OtlpExporterAnnotation { RequiredProtocol = OtlpProtocol.HttpProtobuf });
        }
    }

    private void TraceRequests(KongDataPlaneInstanceResource instance)
    {
        instance.Annotations.Add(new OtlpExporterAnnotation { RequiredProtocol = OtlpProtocol.HttpProtobuf });
        instance.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
        {
            foreach (var (name, value) in KongTracingSettings.For(instance.Parent))
            {
                context.EnvironmentVariables[name] = value;
            }

            if (configuration[OtlpApiKeyConfigurationKey] is { Length: > 0 } apiKey)
            {
                context.EnvironmentVariables[KongOpenTelemetryPluginConfig.ApiKeyEnvironmentVariable] = apiKey;
            }
        }));
    }

    private static bool IsGlobalOpenTelemetry(KongPluginAnnotation plugin)
        => KongOpenTelemetryPluginConfig.IsGlobal(plugin.Name, plugin.Route, plugin.Service);
}
