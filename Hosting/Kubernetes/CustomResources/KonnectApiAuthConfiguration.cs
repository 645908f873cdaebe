using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>konnect.konghq.com/v1alpha1 KonnectAPIAuthConfiguration: how the Kong Operator authenticates to Konnect.</summary>
internal sealed class KonnectApiAuthConfiguration : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "konnect.konghq.com/v1alpha1";

    public string Kind { get; set; } = "KonnectAPIAuthConfiguration";

    public V1ObjectMeta Metadata { get; set; } = new();

    public AuthSpec Spec { get; set; } = new();

    /// <summary>The spec; the token itself never appears here, only a reference to the Secret holding it.</summary>
    internal sealed class AuthSpec
    {
        public string Type { get; set; } = "secretRef";

        public SecretReference? SecretRef { get; set; }

        [YamlMember(Alias = "serverURL", ApplyNamingConventions = false)]
        public string ServerUrl { get; set; } = "";
    }

    /// <summary>spec.secretRef.</summary>
    internal sealed class SecretReference
    {
        public string Name { get; set; } = "";

        public string? Namespace { get; set; }
    }
}
