using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Konnect.Kubernetes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// The browser token Secret of the published Aspire dashboard: made with a random token in each namespace whose
/// manifests read it and whose cluster has none yet. A Secret already there (an earlier deploy, or one the user made)
/// is kept, so the token does not change under an open browser session.
/// </summary>
public static class DashboardTokenSecret
{
    private const int TokenBytes = 32;

    public static async Task<IReadOnlyList<ManifestDocument>> PlanAsync(
        KubernetesApi api,
        IReadOnlyList<ManifestDocument> documents,
        SecretRedactor redactor,
        List<string> notes,
        CancellationToken cancellationToken)
    {
        var namespaces = ObjectReferences.Find(documents)
            .Where(r => r.Kind == "Secret" && r.Name == KonnectKubernetesNames.DashboardSecret)
            .Select(r => r.Namespace)
            .Distinct(StringComparer.Ordinal)
            .Where(n => !documents.Any(d => d.Kind == "Secret" && d.Name == KonnectKubernetesNames.DashboardSecret && d.Namespace == n))
            .ToList();
        if (namespaces.Count == 0)
        {
            return [];
        }

        var secrets = await api.FindResourceAsync("v1", "Secret", cancellationToken).ConfigureAwait(false)
            ?? throw DeploymentException.Precondition("The cluster does not serve v1 Secret.");
        var made = new List<ManifestDocument>();
        foreach (var @namespace in namespaces)
        {
            if (await api.GetAsync(secrets, @namespace, KonnectKubernetesNames.DashboardSecret, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenBytes));
            redactor.Add(token);
            notes.Add(
                $"Secret {@namespace}/{KonnectKubernetesNames.DashboardSecret} does not exist; deploy creates it with a random browser token for the Aspire dashboard (destroy leaves it). "
                + $"Read it with: kubectl -n {@namespace} get secret {KonnectKubernetesNames.DashboardSecret} -o jsonpath='{{.data.{KonnectKubernetesNames.DashboardBrowserTokenKey}}}' | base64 -d");
            made.Add(KonnectClusterObjects.Generated(new V1Secret
            {
                ApiVersion = "v1",
                Kind = "Secret",
                Metadata = KonnectClusterManifest.Metadata(KonnectKubernetesNames.DashboardSecret, @namespace),
                Type = "Opaque",
                Data = new Dictionary<string, byte[]> { [KonnectKubernetesNames.DashboardBrowserTokenKey] = Encoding.UTF8.GetBytes(token) },
            }));
        }

        return made;
    }
}
