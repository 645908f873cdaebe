using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using KonnectAspire.Konnect.Yaml;
using YamlDotNet.Core;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// Finds the cluster the way kubectl does: --kubeconfig, else every file in $KUBECONFIG (merged), else ~/.kube/config,
/// else the in-cluster service account; --context picks a context, and --namespace beats the context's namespace.
/// </summary>
public static class KubeconfigResolver
{
    private const string UpdateKubeconfigHint = "For EKS: aws eks update-kubeconfig --name <cluster> --region <region>.";

    public static ResolvedCluster Resolve(KubernetesConnectionSettings settings, DeploymentEnvironment context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);

        var candidates = CandidateFiles(settings, context);
        if (settings.Kubeconfig is not null && !File.Exists(settings.Kubeconfig))
        {
            throw DeploymentException.BadInput($"{settings.KubeconfigOption} {settings.Kubeconfig}: no such file.");
        }

        var files = candidates.Where(File.Exists).Select(f => new FileInfo(f)).ToArray();
        if (files.Length == 0)
        {
            if (KubernetesClientConfiguration.IsInCluster())
            {
                var inCluster = KubernetesClientConfiguration.InClusterConfig();
                return new ResolvedCluster(inCluster, "in-cluster service account", settings.Namespace ?? inCluster.Namespace ?? "default");
            }

            throw DeploymentException.Precondition(
                $"No kubeconfig found (looked at {string.Join(", ", candidates)}) and not running inside a cluster. {UpdateKubeconfigHint} Or pass {settings.KubeconfigOption} <file>.");
        }

        try
        {
            var kubeconfig = Merge(files.Select(Load).ToList());
            var contexts = kubeconfig.Contexts?.Select(c => c.Name).ToList() ?? [];
            var contextName = settings.Context ?? kubeconfig.CurrentContext;
            if (string.IsNullOrEmpty(contextName))
            {
                throw DeploymentException.BadInput(
                    $"The kubeconfig ({string.Join(", ", files.Select(f => f.FullName))}) has no current-context. Pass {settings.ContextOption} <name> (one of: {string.Join(", ", contexts)}) or run `kubectl config use-context <name>`.");
            }

            if (!contexts.Contains(contextName))
            {
                throw DeploymentException.BadInput(
                    $"Context '{contextName}' is not in the kubeconfig ({string.Join(", ", files.Select(f => f.FullName))}); it has: {(contexts.Count == 0 ? "none" : string.Join(", ", contexts))}. {UpdateKubeconfigHint}");
            }

            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig, contextName);
            return new ResolvedCluster(
                configuration,
                $"context {contextName} from {string.Join(Path.PathSeparator, files.Select(f => f.FullName))}",
                settings.Namespace ?? (string.IsNullOrEmpty(configuration.Namespace) ? "default" : configuration.Namespace));
        }
        catch (KubeConfigException e)
        {
            throw DeploymentException.BadInput($"The kubeconfig cannot be used: {e.Message} {UpdateKubeconfigHint}");
        }
    }

    // The file's size, nesting and aliases are checked first (a kubeconfig is outside input); KubernetesClient then
    // reads it, resolving certificate paths relative to it.
    private static K8SConfiguration Load(FileInfo file)
    {
        try
        {
            BoundedYaml.Check(BoundedYaml.ReadFile(file.FullName, "The kubeconfig"));
            return KubernetesClientConfiguration.LoadKubeConfig(file);
        }
        catch (FormatException e)
        {
            throw DeploymentException.BadInput(e.Message);
        }
        catch (YamlException e)
        {
            throw DeploymentException.BadInput(
                $"The kubeconfig {file.FullName} is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message} {UpdateKubeconfigHint}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DeploymentException.BadInput($"The kubeconfig {file.FullName} cannot be read ({e.Message}).");
        }
    }

    // kubectl's merge rules for $KUBECONFIG: the first file to name a context, cluster or user wins, and so does the
    // first current-context. (KubernetesClient merges the same way only inside BuildDefaultConfig, without --context.)
    private static K8SConfiguration Merge(IReadOnlyList<K8SConfiguration> configurations)
    {
        var merged = configurations[0];
        foreach (var next in configurations.Skip(1))
        {
            merged.CurrentContext = string.IsNullOrEmpty(merged.CurrentContext) ? next.CurrentContext : merged.CurrentContext;
            merged.Contexts = Union(merged.Contexts, next.Contexts, c => c.Name);
            merged.Clusters = Union(merged.Clusters, next.Clusters, c => c.Name);
            merged.Users = Union(merged.Users, next.Users, u => u.Name);
        }

        return merged;
    }

    private static List<T> Union<T>(IEnumerable<T>? first, IEnumerable<T>? second, Func<T, string> name) =>
        (first ?? []).Concat(second ?? []).DistinctBy(name).ToList();

    private static List<string> CandidateFiles(KubernetesConnectionSettings settings, DeploymentEnvironment context)
    {
        if (settings.Kubeconfig is not null)
        {
            return [settings.Kubeconfig];
        }

        var variable = context.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        return [Path.Combine(context.HomeDirectory, ".kube", "config")];
    }
}
