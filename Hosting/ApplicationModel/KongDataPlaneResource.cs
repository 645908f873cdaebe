namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A group of Kong data planes (role data_plane, database off) connected to one control plane. Locally it runs
/// <see cref="Instances"/> containers; published, it becomes one autoscaled workload.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="controlPlane">The control plane the data planes connect to.</param>
/// <param name="instances">How many local instances run.</param>
public class KongDataPlaneResource(string name, IKongControlPlaneResource controlPlane, int instances) : Resource(name)
{
    private readonly List<KongDataPlaneInstanceResource> _instanceResources = [];

    /// <summary>The control plane the data planes connect to.</summary>
    public IKongControlPlaneResource ControlPlane { get; } = controlPlane;

    /// <summary>How many local instances run.</summary>
    public int Instances { get; } = instances;

    /// <summary>The local instance containers; empty in publish mode, where no local container is modelled.</summary>
    public IReadOnlyList<KongDataPlaneInstanceResource> InstanceResources => _instanceResources;

    internal void AddInstance(KongDataPlaneInstanceResource instance) => _instanceResources.Add(instance);
}
