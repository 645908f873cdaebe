using System.Net;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// Checks before anything is written, each failing with what to do about it: the API server reachable and accepting
/// the credentials; every kind in the manifests served (the Kong Operator's CRDs above all); and, as warnings, the
/// AWS Load Balancer Controller for LoadBalancer Services and metrics-server for the HPA.
/// </summary>
public sealed class ClusterPreflight(KubernetesApi api, string clusterSource)
{
    public const string KongOperatorInstall =
        "helm repo add kong https://charts.konghq.com && helm repo update\n"
        + "helm upgrade --install ko kong/kong-operator -n kong-system --create-namespace --set image.tag=2.2.3 --set env.ENABLE_CONTROLLER_KONNECT=true";

    public const string LoadBalancerControllerApi = "elbv2.k8s.aws/v1beta1";
    public const string MetricsApi = "metrics.k8s.io/v1beta1";

    private static readonly string[] KongGroups = ["konnect.konghq.com", "gateway-operator.konghq.com", "configuration.konghq.com"];

    /// <summary>Reachability, credentials and discovery; with <paramref name="requireAllKinds"/> false, unserved kinds are left out (destroy).</summary>
    public async Task<PreflightResult> CheckAsync(IReadOnlyList<ManifestDocument> documents, bool requireAllKinds, CancellationToken cancellationToken)
    {
        try
        {
            var version = await api.GetVersionAsync(cancellationToken).ConfigureAwait(false);

            // /version is often open to anonymous callers (EKS serves it so); discovery proves the credentials work.
            await api.ServesAsync("v1", cancellationToken).ConfigureAwait(false);

            var resources = new Dictionary<string, ApiResource>(StringComparer.Ordinal);
            var missing = new List<ManifestDocument>();
            foreach (var document in documents.DistinctBy(d => PreflightResult.Key(d.ApiVersion, d.Kind)))
            {
                var resource = await api.FindResourceAsync(document.ApiVersion, document.Kind, cancellationToken).ConfigureAwait(false);
                if (resource is null)
                {
                    missing.Add(document);
                }
                else
                {
                    resources[PreflightResult.Key(document.ApiVersion, document.Kind)] = resource;
                }
            }

            if (requireAllKinds && missing.Count > 0)
            {
                throw MissingKinds(missing);
            }

            var warnings = new List<string>();
            if (NeedsLoadBalancer(documents) && !await api.ServesAsync(LoadBalancerControllerApi, cancellationToken).ConfigureAwait(false))
            {
                warnings.Add(
                    "The AWS Load Balancer Controller is not installed (the cluster serves no elbv2.k8s.aws API): the LoadBalancer Service gets the in-tree "
                    + "controller's Classic Load Balancer on EKS, or no address at all elsewhere. Install it: https://kubernetes-sigs.github.io/aws-load-balancer-controller/ "
                    + "(helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=<cluster>).");
            }

            if (NeedsMetrics(documents) && !await api.ServesAsync(MetricsApi, cancellationToken).ConfigureAwait(false))
            {
                warnings.Add(
                    "metrics-server is not installed (the cluster serves no metrics.k8s.io API): the HorizontalPodAutoscaler cannot read CPU and will not scale. "
                    + "Install it: kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml (or the EKS metrics-server add-on).");
            }

            return new PreflightResult(version, resources, warnings);
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw DeploymentException.Precondition(
                $"The Kubernetes API at {api.Server} rejected the credentials of {clusterSource} (401 Unauthorized). Refresh them: for EKS run "
                + "`aws eks update-kubeconfig --name <cluster> --region <region>` and check that `aws sts get-caller-identity` shows an identity with access to the cluster.", e);
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            throw DeploymentException.Precondition(
                $"The Kubernetes API at {api.Server} refuses this identity (403 Forbidden: {e.Message}). Grant it access: on EKS an access entry "
                + "(aws eks create-access-entry and associate-access-policy), elsewhere a RoleBinding.", e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable("no answer in time", e);
        }
    }

    public static bool NeedsLoadBalancer(IEnumerable<ManifestDocument> documents) => documents.Any(d =>
        (d.Kind == "Service" && LoadBalancerService.IsLoadBalancer(d.Body))
        || (d.Kind == "DataPlane" && (JsonText.Of(d.Body["spec"]?["network"]?["services"]?["ingress"]?["type"]) ?? "LoadBalancer") == "LoadBalancer"));

    public static bool NeedsMetrics(IEnumerable<ManifestDocument> documents) => documents.Any(d =>
        d.Kind == "HorizontalPodAutoscaler" || (d.Kind == "DataPlane" && d.Body["spec"]?["deployment"]?["scaling"]?["horizontal"] is not null));

    private DeploymentException Unreachable(string detail, Exception inner) => DeploymentException.Precondition(
        $"Cannot reach the Kubernetes API at {api.Server} ({clusterSource}): {detail}. Check that the cluster is running and that this is the right context "
        + "(--context, `kubectl config get-contexts`); for EKS: aws eks update-kubeconfig --name <cluster> --region <region>.", inner);

    private static DeploymentException MissingKinds(IReadOnlyList<ManifestDocument> missing)
    {
        var kinds = string.Join(", ", missing.Select(d => $"{d.Kind} ({d.ApiVersion})"));
        if (missing.Any(d => KongGroups.Contains(d.Group)))
        {
            return DeploymentException.Precondition(
                $"The cluster does not serve {kinds}: the Kong Operator and its CRDs are not installed. Install the operator with its Konnect controllers on:\n{KongOperatorInstall}\nthen run deploy again.");
        }

        return DeploymentException.Precondition(
            $"The cluster does not serve {kinds}. Install the CRDs or controllers that define them, or publish for this cluster's Kubernetes version.");
    }

}
