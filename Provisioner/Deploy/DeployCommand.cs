using System.CommandLine;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Deploy;

/// <summary>
/// `provisioner deploy &lt;dir&gt;`: applies a publish output with server-side apply in dependency order, creates the
/// Secrets it refers to, then waits with watches until the gateway answers through its load balancer.
/// </summary>
internal sealed class DeployCommand(KubernetesCommandContext context)
{
    private readonly KubernetesConnectionOptions _connection = new(TimeSpan.FromMinutes(15));
    private readonly DeploySecretOptions _secrets = new();

    private readonly Argument<string> _directory = new("dir") { Description = "The publish output: the folder with kustomization.yaml." };

    private readonly Option<bool> _noWait = new("--no-wait") { Description = "Apply and return without waiting for the gateway." };

    private readonly Option<string> _probePath = new("--probe-path")
    {
        Description = "Path of the one HTTP request sent through the load balancer at the end.",
        DefaultValueFactory = _ => "/",
    };

    public Command Create()
    {
        var command = new Command("deploy", "Apply the published manifests to the cluster (server-side apply, dependency order) and wait until the gateway answers through its load balancer.");
        command.Arguments.Add(_directory);
        _connection.AddTo(command);
        _secrets.AddTo(command);
        command.Options.Add(_noWait);
        command.Options.Add(_probePath);
        command.SetAction(RunAsync);
        return command;
    }

    private Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var settings = _connection.Read(result);
        var output = new CommandOutput(context.Console);
        var verb = new KubernetesVerb(output, settings.Timeout);
        return verb.RunAsync(async token =>
        {
            var manifests = PublishedManifests.Load(result.GetRequiredValue(_directory));
            var cluster = KubeconfigResolver.Resolve(settings, context);
            using var api = new KubernetesApi(cluster.Configuration);
            output.Info($"Deploying {manifests.Directory} to {api.Server} ({cluster.Source}).");
            verb.Doing($"the Kubernetes API at {api.Server}");
            var plan = await new DeploymentPlanner(api, cluster, context).PlanAsync(manifests, settings, _secrets.Read(result), PlanPurpose.Apply, token).ConfigureAwait(false);
            verb.Redactor = plan.Redactor;
            PlanReport.Write(output, plan);

            foreach (var item in plan.Objects)
            {
                verb.Doing($"the API server to apply {item.Document.Display}");
                await ServerSideApply.ApplyAsync(api, item, dryRun: false, plan.Redactor, token).ConfigureAwait(false);
                output.Step($"applied {item.Document.Display}{(item.Document.Generated ? " (created by the provisioner)" : "")}");
            }

            if (result.GetValue(_noWait))
            {
                output.Info($"Applied {plan.Objects.Count} objects; not waiting (--no-wait). `provisioner status {manifests.Directory}` shows how far they are.");
                return KubernetesExitCodes.Success;
            }

            using var http = new HttpClient();
            var answers = await new GatewayReadiness(api, output, verb, http).WaitAsync(plan, result.GetRequiredValue(_probePath), token).ConfigureAwait(false);
            output.Info(answers.Count == 0
                ? $"Deployed {plan.Objects.Count} objects; none is a LoadBalancer Service, so there is no address to try."
                : $"Deployed. The gateway answers at {string.Join(", ", answers.Select(a => a.Uri))}; put load on it with `provisioner loadtest {answers[0].Uri}`.");
            return KubernetesExitCodes.Success;
        }, cancellationToken);
    }
}
