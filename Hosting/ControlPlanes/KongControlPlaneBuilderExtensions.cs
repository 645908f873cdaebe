using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong;
using Aspire.Hosting.Kong.ControlPlanes;
using Aspire.Hosting.Kong.DataPlanes;
using Aspire.Hosting.Kong.GatewayConfig;
using Aspire.Hosting.Kong.Telemetry;
using Aspire.Hosting.Lifecycle;
using KonnectAspire.Konnect.Certificates;

namespace Aspire.Hosting;

/// <summary>Adds a local Kong control plane (hybrid mode, on Postgres) to the application model.</summary>
public static class KongControlPlaneBuilderExtensions
{
    /// <summary>
    /// The configuration key of the folder where cluster certificates are kept; by default
    /// <see cref="ClusterCertificateStore.DefaultRootDirectory"/> in the user profile, never the repository.
    /// </summary>
    public const string ClusterCertificateDirectoryKey = "Kong:ClusterCertificateDirectory";

    private const string DatabaseName = "kong";

    /// <summary>
    /// Adds a local Kong control plane: open-source Kong (<c>kong:3.9</c>) in hybrid mode with role
    /// <c>control_plane</c>, on a Postgres container that <c>kong migrations bootstrap</c> prepares first. It exposes the
    /// Admin API (<c>admin</c>, 8001), the cluster listener data planes connect to (<c>cluster</c>, 8005), the status
    /// listener (<c>status</c>, 8100) whose <c>/status/ready</c> is its health check, and Kong Manager OSS (<c>manager</c>,
    /// 8002). Once it is healthy, the routes and plugins recorded on it are synced through the Admin API; the dashboard
    /// command "Sync gateway config" syncs them again and says what changed.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name; the Postgres, database and migrations resources are named after it.</param>
    /// <returns>The control plane builder, for routes and plugins.</returns>
    /// <remarks>
    /// The cluster certificate is made as <c>kong hybrid gen_cert</c> makes it, once per AppHost and control plane, kept
    /// owner-only outside the repository (see <see cref="ClusterCertificateDirectoryKey"/>) and passed as PEM values
    /// (base64-encoded, which Kong decodes) in <c>KONG_CLUSTER_CERT</c>/<c>KONG_CLUSTER_CERT_KEY</c>. In publish mode the control plane stays in the model, without
    /// its image, endpoints, Postgres or migrations: the publisher reads its routes and plugins from it.
    /// <code>
    /// var controlPlane = builder.AddKongControlPlane("kong")
    ///     .WithRoute("/orders", sampleService);
    /// </code>
    /// </remarks>
    public static IResourceBuilder<KongControlPlaneResource> AddKongControlPlane(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        KongModelErrors.Register();

        builder.Services.TryAddEventingSubscriber<KongGatewayConfigurationCheck>();
        builder.Services.TryAddEventingSubscriber<KongOpenTelemetrySubscriber>();
        var resource = new KongControlPlaneResource(name);
        if (builder.ExecutionContext.IsPublishMode)
        {
            // The control plane stays in the model for the publisher; its container, Postgres and migrations run only
            // locally (on EKS a Konnect control plane takes its place).
            return builder.AddResource(resource)
                .WithIconName("Router")
                .ExcludeFromManifest();
        }

        var database = builder.AddPostgres($"{name}-postgres")
            .WithParentRelationship(resource)
            .AddDatabase($"{name}-db", DatabaseName);

        var migrations = builder.AddContainer($"{name}-migrations", KongContainerImageTags.Image, KongContainerImageTags.Tag)
            .WithImageRegistry(KongContainerImageTags.Registry)
            .WithParentRelationship(resource)
            .WithArgs("kong", "migrations", "bootstrap")
            .WithEnvironment(context => KongEnvironment.AddPostgres(context.EnvironmentVariables, database.Resource))
            .WaitFor(database);

        var certificate = KongClusterCertificateAnnotation.FromConfiguration(builder.Configuration, $"{builder.AppHostDirectory}|{name}");

        return builder.AddResource(resource)
            .WithImage(KongContainerImageTags.Image, KongContainerImageTags.Tag)
            .WithImageRegistry(KongContainerImageTags.Registry)
            .WithIconName("Router")
            .WithHttpEndpoint(targetPort: KongControlPlaneResource.AdminPort, name: KongControlPlaneResource.AdminEndpointName)
            .WithEndpoint(targetPort: KongControlPlaneResource.ClusterPort, scheme: "tcp", name: KongControlPlaneResource.ClusterEndpointName)
            .WithHttpEndpoint(targetPort: KongControlPlaneResource.StatusPort, name: KongControlPlaneResource.StatusEndpointName)
            .WithHttpEndpoint(targetPort: KongControlPlaneResource.ManagerPort, name: KongControlPlaneResource.ManagerEndpointName)
            .WithDashboard()
            .WithHttpHealthCheck(KongEnvironment.ReadyPath, endpointName: KongControlPlaneResource.StatusEndpointName)
            .WithAnnotation(certificate)
            .WithAnnotation(new KongDataPlaneConnectionAnnotation(context => ConnectDataPlane(context, resource, certificate)))
            .WithEnvironment(context =>
            {
                var environment = context.EnvironmentVariables;
                environment["KONG_ROLE"] = KongEnvironment.ControlPlaneRole;
                KongEnvironment.AddPostgres(environment, database.Resource);
                KongEnvironment.AddClusterCertificate(environment, certificate.Get(context.Logger));
                environment["KONG_CLUSTER_LISTEN"] = KongEnvironment.ListenOn(resource.ClusterEndpoint);
                environment["KONG_ADMIN_LISTEN"] = KongEnvironment.ListenOn(resource.AdminEndpoint);
                environment["KONG_STATUS_LISTEN"] = KongEnvironment.ListenOn(resource.StatusEndpoint);
                environment["KONG_PROXY_LISTEN"] = "off";
                KongEnvironment.AddLogsToConsole(environment);
            })
            .WaitFor(database)
            .WaitForCompletion(migrations)
            .OnResourceReady(KongGatewayConfigSync.SyncWhenReadyAsync);
    }

    private static Task ConnectDataPlane(EnvironmentCallbackContext context, KongControlPlaneResource controlPlane, KongClusterCertificateAnnotation certificate)
    {
        var environment = context.EnvironmentVariables;
        environment[KongEnvironment.ClusterControlPlaneVariable] = controlPlane.ClusterEndpoint.Property(EndpointProperty.HostAndPort);
        environment["KONG_CLUSTER_MTLS"] = "shared";
        KongEnvironment.AddClusterCertificate(environment, certificate.Get(context.Logger));
        return Task.CompletedTask;
    }
}
