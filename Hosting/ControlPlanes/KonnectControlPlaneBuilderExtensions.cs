using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong;
using Aspire.Hosting.Kong.ControlPlanes;
using Aspire.Hosting.Kong.DataPlanes;
using Aspire.Hosting.Kong.GatewayConfig;
using Aspire.Hosting.Lifecycle;
using KonnectAspire.Konnect.Api;

namespace Aspire.Hosting;

/// <summary>Adds a Kong Konnect control plane to the application model.</summary>
public static class KonnectControlPlaneBuilderExtensions
{
    /// <summary>The parameter the AppHost reads the Konnect token from: <c>Parameters:konnect-token</c> (env <c>Parameters__konnect-token</c>).</summary>
    public const string DefaultTokenParameterName = "konnect-token";

    /// <summary>The configuration key of the Konnect control plane name, when not passed in code; the resource name otherwise.</summary>
    public const string ControlPlaneNameKey = "Konnect:ControlPlaneName";

    /// <summary>The configuration key of the Konnect region (<c>us</c>, <c>eu</c>, <c>au</c>, <c>me</c>, <c>in</c>, <c>sg</c>), when not passed in code; <c>us</c> otherwise.</summary>
    public const string RegionKey = "Konnect:Region";

    /// <summary>The configuration key of another Konnect API root (e.g. a mock server); the region's API when unset.</summary>
    public const string ApiBaseAddressKey = "Konnect:ApiBaseAddress";

    /// <summary>
    /// Adds a Kong Konnect control plane. On start it finds the control plane named <paramref name="controlPlaneName"/> in
    /// Konnect or creates it (hybrid, pinned client certificates), pins the data-plane certificate, shows the control
    /// plane on the dashboard with a link to it in Konnect, and syncs the routes and plugins recorded on it to its core
    /// entities. Data planes added with <c>AddKongDataPlane</c> run Kong Gateway (Enterprise) and wait until it is ready,
    /// so Enterprise-only plugins are allowed.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="token">A secret parameter holding a Konnect personal (<c>kpat_…</c>) or system account (<c>spat_…</c>) token.</param>
    /// <param name="controlPlaneName">The control plane name in Konnect; <see cref="ControlPlaneNameKey"/> or <paramref name="name"/> when null.</param>
    /// <param name="region">The Konnect region; <see cref="RegionKey"/> or <see cref="KonnectRegion.Us"/> when null.</param>
    /// <returns>The control plane builder, for routes and plugins.</returns>
    /// <exception cref="DistributedApplicationException">The configured token, region or API root cannot work; the message names the fix and never the token.</exception>
    /// <remarks>
    /// The token is used only by the AppHost to call Konnect: it never goes into a container, a log or the dashboard's
    /// properties. The data-plane certificate is made once per AppHost and Konnect control plane and kept owner-only
    /// beside the local cluster certificates (see <see cref="KongControlPlaneBuilderExtensions.ClusterCertificateDirectoryKey"/>).
    /// In publish mode the control plane stays in the model (the EKS publisher reads its Konnect name and region from
    /// it) but Konnect is not called and no certificate is made. The token parameter is taken out of the model then, so
    /// that Aspire does not save its value with the publish state; do not pass that parameter to other resources.
    /// </remarks>
    public static IResourceBuilder<KonnectControlPlaneResource> AddKonnectControlPlane(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource> token,
        string? controlPlaneName = null,
        KonnectRegion? region = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(token);
        KongModelErrors.Register();

        CheckConfiguredToken(builder, name, token.Resource);
        var konnectName = (controlPlaneName ?? builder.Configuration[ControlPlaneNameKey] ?? name).Trim();
        if (konnectName.Length is < 2 or > 256)
        {
            throw new DistributedApplicationException(
                $"The Konnect control plane name of '{name}' must be 2 to 256 characters; '{konnectName}' is not. Pass controlPlaneName to AddKonnectControlPlane or set {ControlPlaneNameKey}.");
        }

        var resource = new KonnectControlPlaneResource(name, konnectName, region ?? ConfiguredRegion(builder, name), token.Resource)
        {
            ApiBaseAddress = ConfiguredApiBaseAddress(builder, name),
        };

        builder.Services.TryAddEventingSubscriber<KongGatewayConfigurationCheck>();
        var controlPlaneBuilder = builder.AddResource(resource)
            .WithIconName("CloudFlow")
            .ExcludeFromManifest();
        if (builder.ExecutionContext.IsPublishMode)
        {
            // Publishing never calls Konnect, and Aspire saves every parameter value of a publish, secrets included,
            // in plain text under ~/.aspire/deployments: a token parameter left in the model would land there. The
            // control plane itself stays, so the publisher reads its name and region from it.
            builder.Resources.Remove(token.Resource);
            return controlPlaneBuilder;
        }

        var owner = $"{builder.AppHostDirectory}|konnect|{resource.ApiBaseAddress?.AbsoluteUri ?? KonnectClientOptions.RegionName(resource.Region)}|{konnectName}";

        return controlPlaneBuilder
            .WithReferenceRelationship(token)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "KonnectControlPlane",
                State = KnownResourceStates.NotStarted,
                Properties =
                [
                    new(CustomResourceKnownProperties.Source, $"Konnect {KonnectClientOptions.RegionName(resource.Region)}: {konnectName}"),
                    new(KonnectControlPlaneStartup.ControlPlaneNameProperty, konnectName),
                    new(KonnectControlPlaneStartup.RegionProperty, KonnectClientOptions.RegionName(resource.Region)),
                ],
            })
            .WithAnnotation(KongClusterCertificateAnnotation.FromConfiguration(builder.Configuration, owner))
            .WithAnnotation(new KongDataPlaneConnectionAnnotation(context =>
            {
                KonnectDataPlaneSetting.AddTo(context.EnvironmentVariables, resource);
                return Task.CompletedTask;
            }))
            .OnInitializeResource((controlPlane, initialize, cancellationToken) => KonnectControlPlaneStartup.StartAsync(controlPlane, initialize.Services, cancellationToken));
    }

    // A token in configuration is checked now, so a wrong one stops the AppHost before anything starts.
    private static void CheckConfiguredToken(IDistributedApplicationBuilder builder, string name, ParameterResource token)
    {
        var key = ParameterConfigurationKey.For(token.Name);
        if (builder.Configuration[key] is not { } configured)
        {
            return;
        }

        try
        {
            KonnectAccessToken.Parse(configured, key);
        }
        catch (ArgumentException ex)
        {
            throw new DistributedApplicationException(
                $"Konnect control plane '{name}': {ex.Message} Set it with `dotnet user-secrets set {key} kpat_... --project <AppHost>` " +
                $"or the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}; remove it to run the local control plane instead.",
                ex);
        }
    }

    private static KonnectRegion ConfiguredRegion(IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Configuration[RegionKey] is not { Length: > 0 } configured)
        {
            return KonnectRegion.Us;
        }

        try
        {
            return KonnectClientOptions.ParseRegion(configured);
        }
        catch (ArgumentException ex)
        {
            throw new DistributedApplicationException($"Konnect control plane '{name}': {RegionKey} is '{configured}', which is not a Konnect region; use one of us, eu, au, me, in, sg.", ex);
        }
    }

    private static Uri? ConfiguredApiBaseAddress(IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Configuration[ApiBaseAddressKey] is not { Length: > 0 } configured)
        {
            return null;
        }

        return Uri.TryCreate(configured, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            ? address
            : throw new DistributedApplicationException(
                $"Konnect control plane '{name}': {ApiBaseAddressKey} is '{configured}', which is not an http(s) URL; remove it to use the region's API, or give e.g. http://127.0.0.1:4010.");
    }
}
