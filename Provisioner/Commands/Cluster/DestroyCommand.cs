using System.CommandLine;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Commands.Cluster;

/// <summary>
/// `provisioner destroy &lt;dir&gt;`: deletes what deploy applied, in reverse order, one group of kinds at a time, waiting
/// (with watches) until each group is gone — the LoadBalancer Services above all, so that AWS releases the NLB before
/// the cluster or its VPC goes. Namespaces that existed before (default, kube-*) are never deleted.
/// </summary>
internal sealed class DestroyCommand(ProvisionerContext context)
    : ClusterVerbCommand(
        context,
        "destroy",
        "Delete what deploy applied, in reverse order, and wait until the load balancers are released.",
        TimeSpan.FromMinutes(15),
        PlanPurpose.NamesOnly,
        "The publish output that was deployed.")
{
    protected override async Task<int> ExecuteAsync(ClusterSession session, KubernetesVerb verb, ParseResult result, CancellationToken cancellationToken)
    {
        var output = verb.Output;
        output.Info($"Destroying what {session.Manifests!.Directory} deployed on {session.Api.Server} ({session.Cluster.Source}).");

        await ClusterDeployer.DestroyAsync(session, verb, cancellationToken).ConfigureAwait(false);
        output.Info("Destroyed. A control plane made by `provisioner konnect up` stays in Konnect; `provisioner konnect down` removes it.");
        return ExitCodes.Success;
    }
}
