using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// What deploying a publish output does once its <see cref="ClusterSession"/> is open: every planned object applied with
/// server-side apply in dependency order, then the waits until the gateway answers through its load balancer. The
/// Provisioner's <c>deploy</c> and the EKS environment's deploy step both run it, so they converge the same way.
/// </summary>
public static class ClusterDeployer
{
    private static readonly HashSet<string> ProtectedNamespaces = new(StringComparer.Ordinal) { "default", "kube-system", "kube-public", "kube-node-lease" };

    /// <summary>Reports the plan's warnings and notes, then applies each planned object in order.</summary>
    public static async Task ApplyAsync(ClusterSession session, IDeploymentProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(progress);
        var plan = session.Plan;
        PlanReport.Write(progress, plan);
        foreach (var item in plan.Objects)
        {
            progress.Doing($"the API server to apply {item.Document.Display}");
            await ServerSideApply.ApplyAsync(session.Api, item, dryRun: false, plan.Redactor, cancellationToken).ConfigureAwait(false);
            progress.Step($"applied {item.Document.Display}{(item.Document.Generated ? " (created by the provisioner)" : "")}");
        }
    }

    /// <summary>
    /// Waits, with watches, until the control plane is programmed, the data planes are ready, each LoadBalancer Service
    /// has an address and one GET of <paramref name="probePath"/> through it is answered; returns those answers.
    /// </summary>
    public static Task<IReadOnlyList<GatewayAnswer>> WaitForGatewayAsync(
        ClusterSession session,
        IDeploymentProgress progress,
        HttpClient http,
        string probePath,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new GatewayReadiness(session.Api, progress, http).WaitAsync(session.Plan, probePath, cancellationToken);
    }

    /// <summary>
    /// Deletes what deploy applied, in reverse order, one group of kinds at a time, waiting (with watches) until each
    /// group is gone: the LoadBalancer Services above all, so that AWS releases the NLB before the cluster or its VPC
    /// goes. Namespaces that existed before (default, kube-*) are never deleted.
    /// </summary>
    public static async Task DestroyAsync(ClusterSession session, IDeploymentProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(progress);
        var (plan, api) = (session.Plan, session.Api);
        PlanReport.Write(progress, plan with { Warnings = [] });
        var waiter = new ResourceWaiter(api);
        ApiResource? serviceResource = null;
        foreach (var group in ApplyOrder.ReverseGroups(plan.Objects, o => o.Document.Kind))
        {
            var deleted = new List<PlannedObject>();
            foreach (var item in group)
            {
                var document = item.Document;
                if (document.Kind == "Namespace" && ProtectedNamespaces.Contains(document.Name))
                {
                    progress.Detail($"kept {document.Display}: it is not ours to delete");
                    continue;
                }

                progress.Doing($"the API server to delete {document.Display}");
                if (await api.DeleteAsync(item.Resource, document.Namespace, document.Name, cancellationToken).ConfigureAwait(false))
                {
                    progress.Step($"deleted {document.Display}");
                    deleted.Add(item);
                }
                else
                {
                    progress.Detail($"{document.Display} was already gone");
                }
            }

            foreach (var item in deleted)
            {
                await WaitGoneAsync(progress, waiter, item.Resource, item.Document.Namespace, ObjectSelector.Named(item.Document.Name), _ => true, item.Document.Display, cancellationToken).ConfigureAwait(false);
            }

            // The Kong Operator's ingress Service goes with its DataPlane (garbage collection); its NLB goes with it.
            foreach (var service in LoadBalancerService.In(deleted.Select(d => d.Document).Where(d => d.Kind == "DataPlane")))
            {
                serviceResource ??= await LoadBalancerService.ResourceAsync(api, cancellationToken).ConfigureAwait(false);
                await WaitGoneAsync(progress, waiter, serviceResource, service.Namespace, service.Selector, service.Matches, service.Title, cancellationToken).ConfigureAwait(false);
            }
        }

    }

    private static async Task WaitGoneAsync(
        IDeploymentProgress progress,
        ResourceWaiter waiter,
        ApiResource resource,
        string? @namespace,
        ObjectSelector selector,
        Func<JsonObject, bool> matches,
        string title,
        CancellationToken cancellationToken)
    {
        var loadBalancer = resource.Kind == "Service";
        var what = loadBalancer ? $"{title} to be deleted and its load balancer released" : $"{title} to be deleted";
        progress.Doing(what + (loadBalancer ? " (the AWS Load Balancer Controller removes the NLB before it lets the Service go)" : ""));
        await progress.WaitAsync(what, report => waiter.WaitAsync(resource, @namespace, selector, objects => ReadinessChecks.Gone(objects.Where(matches).ToList()), change => report(change.Description), cancellationToken)).ConfigureAwait(false);
        progress.Step(loadBalancer ? $"{title} is gone (load balancer released)" : $"{title} is gone");
    }
}
