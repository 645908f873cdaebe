using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Cli;
using System.CommandLine;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>The options every cluster verb shares: --kubeconfig, --context, --namespace/-n and --timeout.</summary>
internal sealed class KubernetesConnectionOptions
{
    public KubernetesConnectionOptions(TimeSpan defaultTimeout)
    {
        Timeout = DurationOption.Create("--timeout", defaultTimeout, "How long the whole command may take, e.g. 90s, 10m");
    }

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "Kubeconfig context to use (default: its current-context).",
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Namespace for objects that name none (default: kustomization namespace, then the context's, then default).",
    };

    public Option<TimeSpan> Timeout { get; }

    public void AddTo(Command command, bool withTimeout = true)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Namespace);
        if (withTimeout)
        {
            command.Options.Add(Timeout);
        }
    }

    public KubernetesConnectionSettings Read(ParseResult result) =>
        new(result.GetValue(Kubeconfig), result.GetValue(Context), result.GetValue(Namespace), result.GetValue(Timeout));
}
