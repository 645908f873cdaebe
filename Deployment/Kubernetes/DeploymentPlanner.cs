using k8s.Models;
using KonnectAspire.Deployment.Konnect;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// Turns a publish output into the ordered list of objects to apply (or delete) on this cluster: preflight and
/// discovery, namespaces filled in, the Secrets and ConfigMap the manifests refer to (made by the provisioner, or
/// found on the cluster), and missing namespaces.
/// Everything that can be wrong with the input fails here, before anything is written.
/// </summary>
public sealed class DeploymentPlanner(KubernetesApi api, ResolvedCluster cluster, DeploymentEnvironment context)
{
    public async Task<DeploymentPlan> PlanAsync(
        PublishedManifests manifests,
        KubernetesConnectionSettings settings,
        KonnectSecretSources sources,
        PlanPurpose purpose,
        CancellationToken cancellationToken)
    {
        var preflight = await new ClusterPreflight(api, cluster.Source)
            .CheckAsync(manifests.Documents, requireAllKinds: purpose != PlanPurpose.NamesOnly, cancellationToken).ConfigureAwait(false);
        var notes = new List<string>();
        var fallbackNamespace = settings.Namespace ?? manifests.Namespace ?? cluster.DefaultNamespace;
        var documents = new List<ManifestDocument>();
        foreach (var document in manifests.Documents)
        {
            var resource = preflight.Find(document);
            if (resource is null)
            {
                notes.Add($"{document.Display}: the cluster does not serve {document.ApiVersion}, so there is none to delete.");
            }
            else if (!resource.Namespaced)
            {
                documents.Add(document);
            }
            else if (document.Namespace is null)
            {
                documents.Add(document.InNamespace(fallbackNamespace));
            }
            else if (settings.Namespace is not null && settings.Namespace != document.Namespace)
            {
                throw DeploymentException.BadInput(
                    $"{document.Display} ({document.Source}) is in namespace {document.Namespace}, but --namespace says {settings.Namespace}. Drop --namespace, or publish for {settings.Namespace}.");
            }
            else
            {
                documents.Add(document);
            }
        }

        var redactor = new SecretRedactor();
        foreach (var required in KonnectClusterObjects.FindRequired(documents))
        {
            documents.Add(BuildRequired(required, sources, purpose, redactor, notes));
        }

        if (purpose != PlanPurpose.NamesOnly)
        {
            documents.AddRange(SuppliedSecrets.Build(sources.Keys, sources.Values, documents, redactor));
            documents.AddRange(await DashboardTokenSecret.PlanAsync(api, documents, redactor, notes, cancellationToken).ConfigureAwait(false));
            await new ReferencedObjectCheck(api).CheckAsync(documents, notes, cancellationToken).ConfigureAwait(false);
            documents.AddRange(await MissingNamespacesAsync(documents, notes, cancellationToken).ConfigureAwait(false));
        }

        var planned = new List<PlannedObject>();
        foreach (var document in ApplyOrder.Sort(documents))
        {
            var resource = preflight.Find(document)
                ?? await api.FindResourceAsync(document.ApiVersion, document.Kind, cancellationToken).ConfigureAwait(false)
                ?? throw DeploymentException.Precondition($"The cluster does not serve {document.ApiVersion} {document.Kind}.");
            planned.Add(new PlannedObject(document, resource));
        }

        return new DeploymentPlan(planned, notes, preflight.Warnings, redactor);
    }

    private ManifestDocument BuildRequired(RequiredObject required, KonnectSecretSources sources, PlanPurpose purpose, SecretRedactor redactor, List<string> notes)
    {
        if (purpose == PlanPurpose.NamesOnly)
        {
            return KonnectClusterObjects.Identity(required);
        }

        try
        {
            return KonnectClusterObjects.Build(required, sources, context, redactor);
        }
        catch (DeploymentException e) when (purpose == PlanPurpose.Diff)
        {
            notes.Add($"{required.ObjectKind} {required.Namespace}/{required.Name} is not compared: {e.Message}");
            return KonnectClusterObjects.Identity(required);
        }
    }

    private async Task<List<ManifestDocument>> MissingNamespacesAsync(List<ManifestDocument> documents, List<string> notes, CancellationToken cancellationToken)
    {
        var declared = documents.Where(d => d.Kind == "Namespace" && d.Group.Length == 0).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var namespaceResource = await api.FindResourceAsync("v1", "Namespace", cancellationToken).ConfigureAwait(false)
            ?? throw DeploymentException.Precondition("The cluster does not serve v1 Namespace.");
        var missing = new List<ManifestDocument>();
        foreach (var @namespace in documents.Select(d => d.Namespace).OfType<string>().Distinct(StringComparer.Ordinal).Where(n => !declared.Contains(n)))
        {
            if (await api.GetAsync(namespaceResource, null, @namespace, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            notes.Add($"Namespace {@namespace} does not exist; deploy creates it (destroy leaves it).");
            missing.Add(KonnectClusterObjects.Generated(new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = KonnectClusterManifest.Metadata(@namespace, null) }));
        }

        return missing;
    }
}
