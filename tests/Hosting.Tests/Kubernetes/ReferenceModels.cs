using System.Text.Json.Nodes;
using Aspire.Hosting.Kong.Kubernetes;
using k8s.Models;
using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>The reference architecture as publishing input: one control plane, one data-plane group, the sample service.</summary>
internal static class ReferenceModels
{
    public const string Namespace = "konnect-aspire";

    public static EksPublishModel Create(EksDataPlaneFlavor flavor, Action<EksDataPlaneOptions>? dataPlane = null)
    {
        var options = new EksDataPlaneOptions();
        dataPlane?.Invoke(options);
        return new EksPublishModel
        {
            EnvironmentName = "eks",
            Options = new EksEnvironmentOptions { Flavor = flavor },
            ControlPlanes = [new ControlPlaneSpec { Name = "kong-cp", Gateway = Gateway() }],
            DataPlaneGroups = [new DataPlaneGroupSpec { Name = "kong-dp", ControlPlane = "kong-cp", Options = options }],
            Workloads = [SampleService()],
        };
    }

    public static GatewayConfiguration Gateway() => new()
    {
        Services = [new GatewayService { Name = "sample-service", Host = $"sample-service.{Namespace}.svc.cluster.local", Port = 8080 }],
        Routes = [new GatewayRoute { Name = "orders", Service = "sample-service", Paths = ["/orders"] }],
        Plugins = [new GatewayPlugin { Name = "rate-limiting", Route = "orders", Config = new JsonObject { ["minute"] = 60, ["policy"] = "local" } }],
    };

    public static WorkloadSpec SampleService() => new()
    {
        Name = "sample-service",
        Image = $"{EksEnvironmentOptions.PlaceholderImageRegistry}/sample-service:{EksEnvironmentOptions.PlaceholderImageTag}",
        Ports = [new WorkloadPort("http", 8080)],
        Environment =
        [
            new V1EnvVar { Name = "HTTP_PORTS", Value = "8080" },
            new V1EnvVar { Name = "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", Value = "in_memory" },
        ],
        Readiness = new WorkloadProbe("/health", 8080),
        Liveness = new WorkloadProbe("/alive", 8080),
    };

    /// <summary>A larger model: <paramref name="groups"/> data-plane groups and <paramref name="routes"/> routes with a plugin each.</summary>
    public static EksPublishModel Large(EksDataPlaneFlavor flavor, int groups, int routes) => Create(flavor) with
    {
        ControlPlanes =
        [
            new ControlPlaneSpec
            {
                Name = "kong-cp",
                Gateway = new GatewayConfiguration
                {
                    Services = Gateway().Services,
                    Routes = [.. Enumerable.Range(1, routes).Select(i => new GatewayRoute { Name = $"route-{i}", Service = "sample-service", Paths = [$"/r{i}"] })],
                    Plugins = [.. Enumerable.Range(1, routes).Select(i => new GatewayPlugin { Name = "rate-limiting", Route = $"route-{i}", Config = new JsonObject { ["minute"] = i } })],
                },
            },
        ],
        DataPlaneGroups = [.. Enumerable.Range(1, groups).Select(i => new DataPlaneGroupSpec { Name = $"kong-dp-{i}", ControlPlane = "kong-cp" })],
    };
}
