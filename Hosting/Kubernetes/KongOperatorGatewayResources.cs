using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Kong.Ai;
using Aspire.Hosting.Kong.Kubernetes.CustomResources;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Kubernetes;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>A control plane's gateway config as KongService, KongRoute, KongPlugin and KongPluginBinding resources.</summary>
internal static class KongOperatorGatewayResources
{
    public static IEnumerable<object> Build(EksPublishModel model, ControlPlaneSpec controlPlane)
    {
        var gateway = controlPlane.Gateway;
        foreach (var service in gateway.Services)
        {
            var spec = ToPlain(KongEntityJson.ToDeclared(service), sorted: false);
            spec["controlPlaneRef"] = ControlPlaneRef.To(controlPlane.Name);
            yield return new KongService { Metadata = Metadata(model, ServiceName(service.Name)), Spec = spec };
        }

        foreach (var route in gateway.Routes)
        {
            var spec = ToPlain(KongEntityJson.ToDeclared(route, includeReferences: false), sorted: false);
            spec["serviceRef"] = new KongRoute.ServiceReference { NamespacedRef = new() { Name = ServiceName(route.Service) } };
            yield return new KongRoute { Metadata = Metadata(model, RouteName(route.Name)), Spec = spec };
        }

        foreach (var plugin in gateway.Plugins)
        {
            var name = PluginName(plugin);
            var (config, patches) = WithSecretsAsPatches(plugin.Config);
            yield return new KongPlugin
            {
                Metadata = Metadata(model, name),
                Plugin = plugin.Name,
                Disabled = plugin.Enabled ? null : true,
                Config = ToPlain(config, sorted: true),
                ConfigPatches = patches,
            };

            var targets = plugin.Service is null && plugin.Route is null ? null : new KongPluginBinding.BindingTargets
            {
                ServiceRef = plugin.Service is null ? null : new() { Kind = "KongService", Name = ServiceName(plugin.Service) },
                RouteRef = plugin.Route is null ? null : new() { Kind = "KongRoute", Name = RouteName(plugin.Route) },
            };
            yield return new KongPluginBinding
            {
                Metadata = Metadata(model, name),
                Spec = new()
                {
                    PluginRef = new() { Name = name },
                    Scope = targets is null ? "GlobalInControlPlane" : "OnlyTargets",
                    Targets = targets,
                    ControlPlaneRef = ControlPlaneRef.To(controlPlane.Name),
                },
            };
        }
    }

    public static string ServiceName(string kongName) => KubernetesObjectName.From(kongName);

    public static string RouteName(string kongName) => KubernetesObjectName.From(kongName);

    /// <summary>The KongPlugin (and its binding) name: the scope, then the plugin, e.g. <c>orders-rate-limiting</c>.</summary>
    public static string PluginName(GatewayPlugin plugin) =>
        KubernetesObjectName.From($"{plugin.Route ?? plugin.Service ?? "global"}-{plugin.Name}");

    /// <summary>
    /// The config without its vault-referenced secrets (AI credentials), which come instead from the Secret
    /// <see cref="KonnectKubernetesNames.AiCredentialsSecret"/> through configPatches: the Kong Operator reads the value,
    /// and neither the manifest nor Konnect's copy of the manifest holds a reference the data planes must resolve.
    /// </summary>
    private static (JsonObject Config, List<KongPlugin.ConfigPatch>? Patches) WithSecretsAsPatches(JsonObject config)
    {
        var references = KongAiSecrets.VaultReferences(config).ToList();
        if (references.Count == 0)
        {
            return (config, null);
        }

        var stripped = (JsonObject)config.DeepClone();
        foreach (var (pointer, _) in references)
        {
            var segments = pointer.Split('/')[1..].Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            var parent = segments[..^1].Aggregate(stripped, (node, segment) => (JsonObject)node[segment]!);
            parent.Remove(segments[^1]);
        }

        var patches = references.Select(reference => new KongPlugin.ConfigPatch
        {
            Path = reference.Pointer,
            ValueFrom = new() { SecretKeyRef = new k8s.Models.V1SecretKeySelector { Name = KonnectKubernetesNames.AiCredentialsSecret, Key = reference.SecretName } },
        }).ToList();
        return (stripped, patches);
    }

    private static k8s.Models.V1ObjectMeta Metadata(EksPublishModel model, string name) =>
        KubernetesObjectMetadata.For(model, name, KubernetesLabels.GatewayComponent);

    /// <summary>
    /// JSON as dictionaries, lists and CLR scalars, which YAML serializers write like any other value: a spec in the
    /// order its fields are declared, a plugin config with its keys sorted.
    /// </summary>
    private static IDictionary<string, object?> ToPlain(JsonObject json, bool sorted)
    {
        IDictionary<string, object?> result = sorted ? new SortedDictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in json)
        {
            result[key] = ToPlain(value);
        }

        return result;
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => ToPlain(obj, sorted: true),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // The value may hold any CLR number type; its JSON text is what Kong would read.
            JsonValueKind.Number when long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => integer,
            JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };
}
