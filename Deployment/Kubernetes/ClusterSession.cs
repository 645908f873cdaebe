namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// What every cluster verb starts with: the publish output read, the cluster found the way kubectl finds it, a client
/// for it, and the plan (preflight, discovery, namespaces, secrets) for what the verb is about to do.
/// </summary>
public sealed class ClusterSession : IDisposable
{
    private ClusterSession(PublishedManifests? manifests, ResolvedCluster cluster, KubernetesApi api, DeploymentPlan plan)
    {
        Manifests = manifests;
        Cluster = cluster;
        Api = api;
        Plan = plan;
    }

    /// <summary>Null when the verb was given no publish output (status of a namespace).</summary>
    public PublishedManifests? Manifests { get; }

    public ResolvedCluster Cluster { get; }

    public KubernetesApi Api { get; }

    public DeploymentPlan Plan { get; }

    public static async Task<ClusterSession> OpenAsync(
        string? directory,
        KubernetesConnectionSettings settings,
        KonnectSecretSources sources,
        PlanPurpose purpose,
        DeploymentEnvironment context,
        IDeploymentProgress progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var manifests = directory is null ? null : PublishedManifests.Load(directory);
        // Local input is read before any call to the cluster, so its errors come first.
        if (purpose != PlanPurpose.NamesOnly && manifests is not null)
        {
            sources = sources with
            {
                Values = SuppliedSecrets.ReadAll(sources.Keys, manifests.Documents, context),
                Token = sources.TokenFile is null ? null : KonnectClusterObjects.ReadToken(sources, context),
            };
        }

        var cluster = KubeconfigResolver.Resolve(settings, context);
        var api = new KubernetesApi(cluster.Configuration, context.KubernetesRequestTimeout);
        try
        {
            progress.Doing($"the Kubernetes API at {api.Server}");
            progress.Detail($"Waiting for the Kubernetes API at {api.Server} ({cluster.Source}).");
            var plan = manifests is null
                ? new DeploymentPlan([], [], [], new SecretRedactor())
                : await new DeploymentPlanner(api, cluster, context).PlanAsync(manifests, settings, sources, purpose, cancellationToken).ConfigureAwait(false);
            return new ClusterSession(manifests, cluster, api, plan);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    public void Dispose() => Api.Dispose();
}
