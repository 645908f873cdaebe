using Aspire.Hosting.ApplicationModel;
using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>Turns a validated <see cref="EksPublishModel"/> into the files of the publish output, kustomization.yaml last.</summary>
internal static class EksManifestBuilder
{
    public const string NamespaceFileName = "namespace.yaml";

    public static IReadOnlyList<ManifestFile> Build(EksPublishModel model)
    {
        var files = new List<ManifestFile>
        {
            ManifestFile.Objects(NamespaceFileName, new V1Namespace
            {
                ApiVersion = "v1",
                Kind = "Namespace",
                Metadata = new V1ObjectMeta
                {
                    Name = model.Options.Namespace,
                    Labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
                    {
                        [KubernetesLabels.PartOf] = model.EnvironmentName,
                        [KubernetesLabels.ManagedBy] = KubernetesLabels.ManagedByValue,
                    },
                },
            }),
        };

        files.AddRange(model.Options.Flavor == EksDataPlaneFlavor.Plain ? PlainManifests.Build(model) : KongOperatorManifests.Build(model));
        files.AddRange(model.Workloads.Select(workload => WorkloadManifests.Build(model, workload)));

        var kustomization = new Kustomization { Resources = [.. files.Where(f => f.IsKubernetes).Select(f => f.Name)] };
        files.Add(ManifestFile.Other(Kustomization.FileName, KubernetesYaml.Serialize(kustomization)));
        return files;
    }
}
