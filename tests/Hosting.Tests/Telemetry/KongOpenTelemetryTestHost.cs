using Aspire.Hosting.Eventing;
using Aspire.Hosting.Kong.GatewayConfig;
using Aspire.Hosting.Kong.Telemetry;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectAspire.Hosting.Tests.Telemetry;

/// <summary>Runs what happens at BeforeStartEvent for the telemetry subscriber, without starting any resource.</summary>
internal static class KongOpenTelemetryTestHost
{
    /// <summary>Subscribes the subscribers the builder registered and raises BeforeStartEvent, as DistributedApplication.StartAsync would.</summary>
    public static async Task RaiseBeforeStartAsync(KongTestAppHost host)
    {
        var app = host.App;
        var eventing = app.Services.GetRequiredService<IDistributedApplicationEventing>();
        var executionContext = app.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        foreach (var subscriber in app.Services.GetServices<IDistributedApplicationEventingSubscriber>().OfType<KongOpenTelemetrySubscriber>())
        {
            await subscriber.SubscribeAsync(eventing, executionContext, CancellationToken.None);
        }

        await eventing.PublishAsync(new BeforeStartEvent(app.Services, host.Model));
    }

    /// <summary>The opentelemetry plugin of <paramref name="controlPlane"/> as the sync would send it.</summary>
    public static async Task<KonnectAspire.Konnect.Gateway.GatewayPlugin?> PluginAsSyncedAsync(KongTestAppHost host, IKongControlPlaneResource controlPlane)
    {
        var executionContext = host.App.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var configuration = await KongGatewayConfigurationBuilder.BuildAsync(
            controlPlane, endpoint => new Uri($"http://{endpoint.Resource.Name}:8080"), executionContext, timeout.Token);
        return configuration.Plugins.SingleOrDefault(plugin => plugin.Name == KongOpenTelemetryPluginConfig.PluginName);
    }
}
