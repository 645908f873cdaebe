using System.CommandLine;
using System.Text.Json.Nodes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Deploy;

/// <summary>
/// `provisioner destroy &lt;dir&gt;`: deletes what deploy applied, in reverse order, one group of kinds at a time, waiting
/// (with watches) until each group is gone — the LoadBalancer Services above all, so that AWS releases the NLB before
/// the cluster or its VPC goes. Namespaces that existed before (default, kube-*) are never deleted.
/// </summary>
internal sealed class DestroyCommand(ProvisionerContext context)
    : ClusterVerbCommand(context, TimeSpan.FromMinutes(15), PlanPurpose.NamesOnly, "The publish output that was deployed.")
{
    private static readonly HashSet<string> ProtectedNamespaces = new(StringComparer.Ordinal) { "default", "kube-system", "kube-public", "kube-node-lease" };

    protected override string Name => "destroy";

    protected override string Description => "Delete what deploy applied, in reverse order, and wait until the load balancers are released.";

    protected override async Task<int> ExecuteAsync(ClusterSession session, KubernetesVerb verb, ParseResult result, CancellationToken cancellationToken)
    {
        var output = verb.Output;
        var (plan, api) = (session.Plan, session.Api);
        output.Info($"Destroying what {session.Manifests!.Directory} deployed on {api.Server} ({session.Cluster.Source}).");
        PlanReport.Write(verb, plan with { Warnings = [] });

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
                    output.Detail($"kept {document.Display}: it is not ours to delete");
                    continue;
                }

                verb.Doing($"the API server to delete {document.Display}");
                if (await api.DeleteAsync(item.Resource, document.Namespace, document.Name, cancellationToken).ConfigureAwait(false))
                {
                    output.Step($"deleted {document.Display}");
                    deleted.Add(item);
                }
                else
                {
                    output.Detail($"{document.Display} was already gone");
                }
            }

            foreach (var item in deleted)
            {
                await WaitGoneAsync(output, verb, waiter, item.Resource, item.Document.Namespace, ObjectSelector.Named(item.Document.Name), _ => true, item.Document.Display, cancellationToken).ConfigureAwait(false);
            }

            // The Kong Operator's ingress Service goes with its DataPlane (garbage collection); its NLB goes with it.
            foreach (var service in LoadBalancerService.In(deleted.Select(d => d.Document).Where(d => d.Kind == "DataPlane")))
            {
                serviceResource ??= await LoadBalancerService.ResourceAsync(api, cancellationToken).ConfigureAwait(false);
                await WaitGoneAsync(output, verb, waiter, serviceResource, service.Namespace, service.Selector, service.Matches, service.Title, cancellationToken).ConfigureAwait(false);
            }
        }

        output.Info("Destroyed. A control plane made by `provisioner konnect up` stays in Konnect; `provisioner konnect down` removes it.");
        return ExitCodes.Success;
    }

    private static async Task WaitGoneAsync(
        CommandOutput output,
        KubernetesVerb verb,
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
        verb.Doing(what + (loadBalancer ? " (the AWS Load Balancer Controller removes the NLB before it lets the Service go)" : ""));
        await output.WaitAsync(what, report => waiter.WaitAsync(resource, @namespace, selector, objects => ReadinessChecks.Gone(objects.Where(matches).ToList()), change => report(change.Description), cancellationToken)).ConfigureAwait(false);
        output.Step(loadBalancer ? $"{title} is gone (load balancer released)" : $"{title} is gone");
    }
}
