namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// How data planes connect to the control plane that carries this annotation: the callback sets the cluster
/// settings (<c>KONG_CLUSTER_*</c>) on each data plane container. A local control plane adds one that points at its
/// cluster endpoint and shares its cluster certificate; a Konnect control plane adds its own.
/// </summary>
/// <param name="callback">Sets the data plane's connection environment.</param>
public sealed class KongDataPlaneConnectionAnnotation(Func<EnvironmentCallbackContext, Task> callback) : IResourceAnnotation
{
    /// <summary>Sets the data plane's connection environment.</summary>
    public Func<EnvironmentCallbackContext, Task> Callback { get; } = callback;
}
