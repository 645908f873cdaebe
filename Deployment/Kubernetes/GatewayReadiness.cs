using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// After deploy has applied: waits, each with watches, until the Konnect credentials are valid and the control plane
/// is Programmed, the data planes are Ready (DataPlane) or rolled out (Deployment), the load balancer has an address,
/// and one HTTP request through it gets an answer. The control plane comes first because the data planes cannot be
/// ready without it, and its condition names the cause when Konnect refuses.
/// </summary>
public sealed class GatewayReadiness(KubernetesApi api, IDeploymentProgress output, HttpClient http)
{
    private static readonly (string Kind, string Goal)[] Conditions =
    [
        ("KonnectAPIAuthConfiguration", "Valid"),
        ("KonnectGatewayControlPlane", "Programmed"),
        ("DataPlane", "Ready"),
        ("Deployment", "rolled out"),
    ];

    public async Task<IReadOnlyList<GatewayAnswer>> WaitAsync(DeploymentPlan plan, string probePath, CancellationToken cancellationToken)
    {
        var waiter = new ResourceWaiter(api);
        foreach (var (kind, goal) in Conditions)
        {
            foreach (var item in plan.Objects.Where(o => o.Document.Kind == kind))
            {
                var title = $"{item.Document.Display} {goal}";
                var result = await WaitAsync(waiter, title, item.Resource, item.Document.Namespace, ObjectSelector.Named(item.Document.Name), ReadinessChecks.ForKind(kind)!, Hint(kind), cancellationToken).ConfigureAwait(false);
                output.Step($"{item.Document.Display}: {result.Description}");
            }
        }

        var serviceResource = await LoadBalancerService.ResourceAsync(api, cancellationToken).ConfigureAwait(false);
        var answers = new List<GatewayAnswer>();
        foreach (var (title, @namespace, selector, matches) in LoadBalancerService.In(plan.Objects.Select(o => o.Document)))
        {
            JsonObject? service = null;
            var result = await WaitAsync(
                waiter,
                $"load balancer address of {title}",
                serviceResource,
                @namespace,
                selector,
                objects =>
                {
                    var mine = objects.Where(matches).ToList();
                    service = mine.FirstOrDefault();
                    return ReadinessChecks.LoadBalancerAddress(mine);
                },
                "The AWS Load Balancer Controller provisions the NLB; `kubectl describe service` shows its events.",
                cancellationToken).ConfigureAwait(false);
            output.Step($"{title} has load balancer {result.Description}");

            var uri = GatewayUri(service!, result.Description, probePath);
            output.Doing($"an HTTP answer from {uri} (a new NLB's DNS name takes a few minutes to resolve)");
            var answer = await output.WaitAsync($"an answer from {uri}", report => new GatewayProbe(http).ProbeAsync(uri, report, cancellationToken)).ConfigureAwait(false);
            output.Step($"{uri} answered {answer.StatusCode} {answer.ReasonPhrase}{(answer.BodyStart.Length > 0 ? $": {answer.BodyStart}" : "")}");
            answers.Add(answer);
        }

        return answers;
    }

    private async Task<WaitCheck> WaitAsync(
        ResourceWaiter waiter,
        string title,
        ApiResource resource,
        string? @namespace,
        ObjectSelector selector,
        Func<IReadOnlyCollection<JsonObject>, WaitCheck> check,
        string hint,
        CancellationToken cancellationToken)
    {
        output.Doing($"{title}. {hint}");
        var result = await output.WaitAsync(title, report => waiter.WaitAsync(resource, @namespace, selector, check, change =>
        {
            output.Doing($"{title} (last seen: {change.Description}). {hint}");
            report(change.Description);
        }, cancellationToken)).ConfigureAwait(false);

        return result.State == WaitState.Failed
            ? throw new DeploymentException(DeploymentFailure.Timeout, $"{title} will not happen: {result.Description}")
            : result;
    }

    private static Uri GatewayUri(JsonObject service, string address, string path)
    {
        var ports = (service["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>()
            .Select(p => (Name: p["name"]?.GetValue<string>() ?? "", Port: p["port"]?.GetValue<int>() ?? 80)).ToList() ?? [];
        var http = ports.FirstOrDefault(p => p.Name is "http" or "proxy" || p.Port == 80);
        if (http == default)
        {
            http = ports.FirstOrDefault(p => p.Name is not ("https" or "proxy-ssl" or "tls") && p.Port != 443);
        }

        var (scheme, port) = http != default ? ("http", http.Port) : ("https", ports.Count > 0 ? ports[0].Port : 443);
        return new UriBuilder(scheme, address, port, path.StartsWith('/') ? path : "/" + path).Uri;
    }

    private static string Hint(string kind) => kind switch
    {
        "KonnectAPIAuthConfiguration" or "KonnectGatewayControlPlane" =>
            "If it has no condition at all, the Kong Operator is not running with its Konnect controllers on:\n" + ClusterPreflight.KongOperatorInstall,
        "DataPlane" => "`kubectl describe dataplane` and the data-plane pod logs show why it is not ready.",
        _ => "`kubectl rollout status` and `kubectl describe pods` show why pods are not available.",
    };
}
