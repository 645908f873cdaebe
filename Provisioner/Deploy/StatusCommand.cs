using System.CommandLine;
using KonnectAspire.Provisioner.Kubernetes;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Deploy;

/// <summary>
/// `provisioner status [dir]`: the gateway's state in the cluster — Konnect credentials and control plane, data
/// planes, Deployments, autoscalers and load balancers — in the namespaces of a publish output, or in --namespace.
/// Objects the output defines but the cluster lacks are listed as missing.
/// </summary>
internal sealed class StatusCommand(KubernetesCommandContext context)
{
    private static readonly (string ApiVersion, string Kind)[] Shown =
    [
        ("konnect.konghq.com/v1alpha1", "KonnectAPIAuthConfiguration"),
        ("konnect.konghq.com/v1alpha2", "KonnectGatewayControlPlane"),
        ("konnect.konghq.com/v1alpha2", "KonnectExtension"),
        ("gateway-operator.konghq.com/v1beta1", "DataPlane"),
        ("apps/v1", "Deployment"),
        ("autoscaling/v2", "HorizontalPodAutoscaler"),
        ("v1", "Service"),
    ];

    private readonly KubernetesConnectionOptions _connection = new(TimeSpan.FromMinutes(1));
    private readonly Argument<string?> _directory = new("dir")
    {
        Description = "A publish output: show its namespaces and flag its objects the cluster lacks (default: --namespace only).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Command Create()
    {
        var command = new Command("status", "Show the gateway in the cluster: Konnect control plane, data planes, autoscalers, load balancers.");
        command.Arguments.Add(_directory);
        _connection.AddTo(command);
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
            var directory = result.GetValue(_directory);
            var manifests = directory is null ? null : PublishedManifests.Load(directory);
            var cluster = KubeconfigResolver.Resolve(settings, context);
            using var api = new KubernetesApi(cluster.Configuration);
            verb.Doing($"the Kubernetes API at {api.Server}");
            var planned = manifests is null
                ? []
                : (await new DeploymentPlanner(api, cluster, context).PlanAsync(manifests, settings, new KonnectSecretSources(null, null), PlanPurpose.Destroy, token).ConfigureAwait(false)).Objects;
            var preflight = await new ClusterPreflight(api, cluster.Source).CheckAsync([], requireAllKinds: false, token).ConfigureAwait(false);
            var namespaces = planned.Count > 0
                ? planned.Select(p => p.Document.Namespace).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
                : [cluster.DefaultNamespace];

            var table = new Table().AddColumns("Kind", "Name", "State", "Detail");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (apiVersion, kind) in Shown)
            {
                var resource = await api.FindResourceAsync(apiVersion, kind, token).ConfigureAwait(false);
                if (resource is null)
                {
                    continue;
                }

                foreach (var @namespace in namespaces)
                {
                    var list = await api.ListAsync(resource, @namespace, ObjectSelector.All, token).ConfigureAwait(false);
                    foreach (var item in list.Items.Where(i => kind != "Service" || i["spec"]?["type"]?.GetValue<string>() == "LoadBalancer"))
                    {
                        var name = $"{@namespace}/{item["metadata"]?["name"]?.GetValue<string>()}";
                        seen.Add($"{kind}/{name}");
                        var check = ReadinessChecks.ForKind(kind)!([item]);
                        table.AddRow(Markup.Escape(kind), Markup.Escape(name), State(check.State), Markup.Escape(check.Description));
                    }
                }
            }

            foreach (var missing in planned.Select(p => p.Document).Where(d => d.Namespace is not null && !seen.Contains($"{d.Kind}/{d.Namespace}/{d.Name}")))
            {
                if (Shown.Any(s => s.Kind == missing.Kind) && (missing.Kind != "Service" || missing.Body["spec"]?["type"]?.GetValue<string>() == "LoadBalancer"))
                {
                    table.AddRow(Markup.Escape(missing.Kind), Markup.Escape($"{missing.Namespace}/{missing.Name}"), "[red]missing[/]", "not in the cluster: run `provisioner deploy`");
                }
            }

            output.Info($"{api.Server} ({cluster.Source}), Kubernetes {preflight.Version.GitVersion}, namespaces {string.Join(", ", namespaces)}");
            if (table.Rows.Count == 0)
            {
                output.Info("Nothing of the gateway's kinds is there.");
            }
            else
            {
                output.Console.Write(table);
            }

            return KubernetesExitCodes.Success;
        }, cancellationToken);
    }

    private static string State(WaitState state) => state switch
    {
        WaitState.Done => "[green]ready[/]",
        WaitState.Failed => "[red]failed[/]",
        _ => "[yellow]pending[/]",
    };
}
