using System.CommandLine;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Kubernetes;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands.Cluster;

/// <summary>
/// `provisioner status [dir]`: the gateway's state in the cluster — Konnect credentials and control plane, data
/// planes, Deployments, autoscalers and load balancers — in the namespaces of a publish output, or in --namespace.
/// Objects the output defines but the cluster lacks are listed as missing.
/// </summary>
internal sealed class StatusCommand(ProvisionerContext context)
    : ClusterVerbCommand(
        context,
        "status",
        "Show the gateway in the cluster: Konnect control plane, data planes, autoscalers, load balancers.",
        TimeSpan.FromMinutes(1),
        PlanPurpose.NamesOnly,
        "A publish output: show its namespaces and flag its objects the cluster lacks (default: --namespace only).",
        directoryOptional: true)
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

    protected override async Task<int> ExecuteAsync(ClusterSession session, KubernetesVerb verb, ParseResult result, CancellationToken cancellationToken)
    {
        var output = verb.Output;
        var (cluster, api, planned) = (session.Cluster, session.Api, session.Plan.Objects);
        var preflight = await new ClusterPreflight(api, cluster.Source).CheckAsync([], requireAllKinds: false, cancellationToken).ConfigureAwait(false);
        var namespaces = planned.Count > 0
            ? planned.Select(p => p.Document.Namespace).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : [cluster.DefaultNamespace];

        var table = new Table().AddColumns("Kind", "Name", "State", "Detail");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (apiVersion, kind) in Shown)
        {
            var resource = await api.FindResourceAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
            if (resource is null)
            {
                continue;
            }

            foreach (var @namespace in namespaces)
            {
                var list = await api.ListAsync(resource, @namespace, ObjectSelector.All, cancellationToken).ConfigureAwait(false);
                foreach (var item in list.Items.Where(i => kind != "Service" || LoadBalancerService.IsLoadBalancer(i)))
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
            if (Shown.Any(s => s.Kind == missing.Kind) && (missing.Kind != "Service" || LoadBalancerService.IsLoadBalancer(missing.Body)))
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

        return ExitCodes.Success;
    }

    private static string State(WaitState state) => state switch
    {
        WaitState.Done => "[green]ready[/]",
        WaitState.Failed => "[red]failed[/]",
        _ => "[yellow]pending[/]",
    };
}
