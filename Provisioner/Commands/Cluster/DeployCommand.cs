using System.CommandLine;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Commands.Cluster;

/// <summary>
/// `provisioner deploy &lt;dir&gt;`: applies a publish output with server-side apply in dependency order, creates the
/// Secrets it refers to, then waits with watches until the gateway answers through its load balancer.
/// </summary>
internal sealed class DeployCommand : ClusterVerbCommand
{
    private readonly Option<bool> _noWait = new("--no-wait") { Description = "Apply and return without waiting for the gateway." };

    private readonly Option<string> _probePath = new("--probe-path")
    {
        Description = "Path of the one HTTP request sent through the load balancer at the end.",
        DefaultValueFactory = _ => "/",
    };

    public DeployCommand(ProvisionerContext context)
        : base(
            context,
            "deploy",
            "Apply the published manifests to the cluster (server-side apply, dependency order) and wait until the gateway answers through its load balancer.",
            TimeSpan.FromMinutes(15),
            PlanPurpose.Apply,
            "The publish output: the folder with kustomization.yaml.")
    {
        Options.Add(_noWait);
        Options.Add(_probePath);
    }

    protected override async Task<int> ExecuteAsync(ClusterSession session, KubernetesVerb verb, ParseResult result, CancellationToken cancellationToken)
    {
        var output = verb.Output;
        var (manifests, plan, api) = (session.Manifests!, session.Plan, session.Api);
        output.Info($"Deploying {manifests.Directory} to {api.Server} ({session.Cluster.Source}).");
        await ClusterDeployer.ApplyAsync(session, verb, cancellationToken).ConfigureAwait(false);

        if (result.GetValue(_noWait))
        {
            output.Info($"Applied {plan.Objects.Count} objects; not waiting (--no-wait). `provisioner status {manifests.Directory}` shows how far they are.");
            return ExitCodes.Success;
        }

        using var http = new HttpClient();
        var answers = await ClusterDeployer.WaitForGatewayAsync(session, verb, http, result.GetRequiredValue(_probePath), cancellationToken).ConfigureAwait(false);
        output.Info(answers.Count == 0
            ? $"Deployed {plan.Objects.Count} objects; none is a LoadBalancer Service, so there is no address to try."
            : $"Deployed. The gateway answers at {string.Join(", ", answers.Select(a => a.Uri))}; put load on it with `provisioner loadtest {answers[0].Uri}`.");
        return ExitCodes.Success;
    }
}
