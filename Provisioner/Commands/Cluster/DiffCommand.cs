using System.CommandLine;
using System.Net;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Kubernetes;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands.Cluster;

/// <summary>
/// `provisioner diff &lt;dir&gt;`: what deploy would change, from a server-side dry run of every object (so defaults,
/// admission webhooks and field ownership are the server's own), shown as a line diff per object. Exit code 10
/// (<see cref="ExitCodes.DifferencesFound"/>) when something would change, 0 when nothing would.
/// </summary>
internal sealed class DiffCommand(ProvisionerContext context)
    : ClusterVerbCommand(
        context,
        "diff",
        "Show what deploy would change: a server-side dry run of the published manifests, as a diff against the cluster.",
        TimeSpan.FromMinutes(2),
        PlanPurpose.Diff,
        "The publish output to compare with the cluster.")
{
    protected override async Task<int> ExecuteAsync(ClusterSession session, KubernetesVerb verb, ParseResult result, CancellationToken cancellationToken)
    {
        var output = verb.Output;
        var (manifests, plan, api) = (session.Manifests!, session.Plan, session.Api);
        PlanReport.Write(verb, plan);

        var changed = 0;
        foreach (var item in plan.Objects)
        {
            var document = item.Document;
            var live = await api.GetAsync(item.Resource, document.Namespace, document.Name, cancellationToken).ConfigureAwait(false);
            // A Secret or ConfigMap whose source was not given (see the notes) can only be named, not compared.
            var hasData = !(document.Generated && document.Kind != "Namespace" && document.Body["data"] is null);
            var desired = document.Body;
            if (hasData)
            {
                try
                {
                    desired = await ServerSideApply.ApplyAsync(api, item, dryRun: true, plan.Redactor, cancellationToken).ConfigureAwait(false);
                }
                catch (CommandFailedException e) when (e.InnerException is KubernetesApiException { StatusCode: HttpStatusCode.NotFound })
                {
                    // Its namespace does not exist yet (deploy creates it first), so the server cannot dry-run it.
                }
            }

            if (live is not null && !hasData)
            {
                continue;
            }

            var lines = ManifestDiff.Compare(live, desired, document.Kind);
            if (lines.Count == 0)
            {
                continue;
            }

            changed++;
            output.Console.MarkupLine(live is null ? $"[green]+ create {Markup.Escape(document.Display)}[/]" : $"[yellow]~ change {Markup.Escape(document.Display)}[/]");
            foreach (var line in lines)
            {
                var escaped = Markup.Escape(plan.Redactor.Redact(line));
                output.Console.MarkupLine(line[0] switch { '+' => $"[green]{escaped}[/]", '-' => $"[red]{escaped}[/]", _ => $"[grey]{escaped}[/]" });
            }
        }

        output.Info(changed == 0
            ? $"No differences: the cluster matches {manifests.Directory} ({plan.Objects.Count} objects)."
            : $"{changed} of {plan.Objects.Count} objects would change; `provisioner deploy {manifests.Directory}` applies them.");
        return changed == 0 ? ExitCodes.Success : ExitCodes.DifferencesFound;
    }
}
