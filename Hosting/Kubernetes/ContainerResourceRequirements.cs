using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>Maps <see cref="EksContainerResources"/> to the typed Kubernetes requirements.</summary>
internal static class ContainerResourceRequirements
{
    public static V1ResourceRequirements From(EksContainerResources resources)
    {
        var requirements = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity>
            {
                ["cpu"] = new(resources.CpuRequest),
                ["memory"] = new(resources.MemoryRequest),
            },
        };

        var limits = new Dictionary<string, ResourceQuantity>();
        if (resources.CpuLimit is not null)
        {
            limits["cpu"] = new(resources.CpuLimit);
        }

        if (resources.MemoryLimit is not null)
        {
            limits["memory"] = new(resources.MemoryLimit);
        }

        requirements.Limits = limits.Count > 0 ? limits : null;
        return requirements;
    }
}
