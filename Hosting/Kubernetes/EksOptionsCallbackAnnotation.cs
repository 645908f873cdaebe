namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Records a change to the EKS publishing options of a resource. The callbacks run in order when the manifests are
/// written, so the last one wins.
/// </summary>
/// <typeparam name="TOptions">The options type: <see cref="EksEnvironmentOptions"/>, <see cref="EksDataPlaneOptions"/>,
/// <see cref="EksWorkloadOptions"/> or <see cref="EksControlPlaneOptions"/>.</typeparam>
/// <param name="configure">The change.</param>
public sealed class EksOptionsCallbackAnnotation<TOptions>(Action<TOptions> configure) : IResourceAnnotation
{
    /// <summary>The change.</summary>
    public Action<TOptions> Configure { get; } = configure;

    /// <summary>Applies every recorded change of <paramref name="resource"/>, in order, to fresh options.</summary>
    /// <param name="resource">The resource the changes were recorded on.</param>
    /// <param name="create">Makes the default options.</param>
    /// <returns>The options.</returns>
    public static TOptions Apply(IResource resource, Func<TOptions> create)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(create);

        var options = create();
        foreach (var annotation in resource.Annotations.OfType<EksOptionsCallbackAnnotation<TOptions>>())
        {
            annotation.Configure(options);
        }

        return options;
    }
}
