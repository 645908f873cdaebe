using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Per-resource options of the EKS publishing; each only records an annotation that publishing reads.</summary>
public static class EksResourceBuilderExtensions
{
    /// <summary>Sets how a data-plane group runs on EKS: replicas, autoscaling, resources, load balancer, draining.</summary>
    /// <param name="builder">The data-plane group's builder.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <code>
    /// dataPlanes.PublishAsEksDataPlane(eks =>
    /// {
    ///     eks.MinReplicas = 3;
    ///     eks.MaxReplicas = 20;
    ///     eks.CpuUtilizationTarget = 60;
    /// });
    /// </code>
    /// </remarks>
    public static IResourceBuilder<KongDataPlaneResource> PublishAsEksDataPlane(this IResourceBuilder<KongDataPlaneResource> builder, Action<EksDataPlaneOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        return builder.WithAnnotation(new EksOptionsCallbackAnnotation<EksDataPlaneOptions>(configure));
    }

    /// <summary>Sets how a project or container runs on EKS: image, requests and limits, replicas.</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="builder">The resource's builder.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public static IResourceBuilder<T> PublishAsEksWorkload<T>(this IResourceBuilder<T> builder, Action<EksWorkloadOptions> configure)
        where T : IComputeResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        return builder.WithAnnotation(new EksOptionsCallbackAnnotation<EksWorkloadOptions>(configure));
    }

    /// <summary>Sets which Konnect control plane a Kong control plane becomes on EKS: its name, or an existing one to mirror.</summary>
    /// <typeparam name="T">The control plane resource type.</typeparam>
    /// <param name="builder">The control plane's builder.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public static IResourceBuilder<T> PublishAsKonnectControlPlane<T>(this IResourceBuilder<T> builder, Action<EksControlPlaneOptions> configure)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        return builder.WithAnnotation(new EksOptionsCallbackAnnotation<EksControlPlaneOptions>(configure));
    }
}
