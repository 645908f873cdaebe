using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aspire.Hosting.Kong.Kubernetes;
using KonnectAspire.Konnect.Yaml;
using KonnectAspire.TestSupport.Kong;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public partial class ManifestInvariantTests
{
    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Selectors_match_the_pod_labels(string output)
    {
        var documents = await PublishOutputs.DocumentsAsync(output);
        var templates = PublishedDocument.PodTemplates(documents).ToList();
        foreach (var (owner, template) in templates)
        {
            var labels = Labels(template["metadata"]!["labels"]);
            if (owner.Kind == "Deployment")
            {
                Assert.True(IsSubset(Labels(owner.Node["spec"]!["selector"]!["matchLabels"]), labels), $"{owner}: selector does not match its pod labels");
            }

            foreach (var spread in template["spec"]!["topologySpreadConstraints"]?.AsArray() ?? [])
            {
                Assert.True(IsSubset(Labels(spread!["labelSelector"]!["matchLabels"]), labels), $"{owner}: topology spread selector does not match its pod labels");
            }
        }

        foreach (var selecting in documents.Where(d => d.Kind is "Service" or "PodDisruptionBudget"))
        {
            var selector = Labels(selecting.Kind == "Service" ? selecting.Node["spec"]!["selector"] : selecting.Node["spec"]!["selector"]!["matchLabels"]);
            Assert.True(
                templates.Any(t => IsSubset(selector, Labels(t.Template["metadata"]!["labels"]))),
                $"{selecting}: its selector matches no emitted pod template");
        }
    }

    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Each_autoscaler_targets_an_emitted_Deployment_that_has_no_replicas_and_requests_cpu(string output)
    {
        var documents = await PublishOutputs.DocumentsAsync(output);
        var deployments = documents.Where(d => d.Kind == "Deployment").ToDictionary(d => d.Name);
        var autoscalers = documents.Where(d => d.Kind == "HorizontalPodAutoscaler").ToList();
        foreach (var hpa in autoscalers)
        {
            var target = hpa.Node["spec"]!["scaleTargetRef"]!;
            Assert.Equal("apps/v1", target["apiVersion"]!.GetValue<string>());
            Assert.Equal("Deployment", target["kind"]!.GetValue<string>());
            Assert.True(deployments.TryGetValue(target["name"]!.GetValue<string>(), out var deployment), $"{hpa}: scaleTargetRef names no emitted Deployment");
            Assert.Null(deployment.Node["spec"]!["replicas"]);
            AssertCpuRequested(deployment, deployment.Node["spec"]!["template"]!);
        }

        foreach (var dataPlane in documents.Where(d => d.Kind == "DataPlane"))
        {
            Assert.NotNull(dataPlane.Node["spec"]!["deployment"]!["scaling"]);
            Assert.Null(dataPlane.Node["spec"]!["deployment"]!["replicas"]);
            AssertCpuRequested(dataPlane, dataPlane.Node["spec"]!["deployment"]!["podTemplateSpec"]!);
        }

        var groups = documents.Select(d => d.File).Distinct().Count(f => f.StartsWith("data-plane-", StringComparison.Ordinal));
        Assert.Equal(PublishOutputs.FlavorOf(output) == EksDataPlaneFlavor.Plain ? groups : 0, autoscalers.Count);
    }

    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Each_Service_targets_a_declared_container_port(string output)
    {
        var documents = await PublishOutputs.DocumentsAsync(output);
        var templates = PublishedDocument.PodTemplates(documents).ToList();
        foreach (var service in documents.Where(d => d.Kind == "Service"))
        {
            var selector = Labels(service.Node["spec"]!["selector"]);
            var ports = templates.Where(t => IsSubset(selector, Labels(t.Template["metadata"]!["labels"])))
                .SelectMany(t => t.Template["spec"]!["containers"]!.AsArray())
                .SelectMany(c => c!["ports"]?.AsArray() ?? [])
                .ToList();
            foreach (var port in service.Node["spec"]!["ports"]!.AsArray())
            {
                var targetPort = port!["targetPort"]!;
                Assert.True(
                    ports.Any(p => JsonNode.DeepEquals(p!["containerPort"], targetPort) || JsonNode.DeepEquals(p!["name"], targetPort)),
                    $"{service}: targetPort {targetPort} is not a declared container port of its pods");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Data_plane_pods_follow_the_production_rules(string output)
    {
        var options = new EksDataPlaneOptions();
        var documents = await PublishOutputs.DocumentsAsync(output);
        var groups = documents.Select(d => d.File).Distinct().Count(f => f.StartsWith("data-plane-", StringComparison.Ordinal));
        var dataPlanePods = PublishedDocument.PodTemplates(documents)
            .Where(t => t.Template["metadata"]!["labels"]!["app.kubernetes.io/component"]!.GetValue<string>() == "data-plane")
            .ToList();
        Assert.Equal(groups, dataPlanePods.Count);
        foreach (var (owner, template) in dataPlanePods)
        {
            var spec = template["spec"]!;
            var proxy = spec["containers"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "proxy")!;
            Assert.False(string.IsNullOrEmpty(proxy["image"]?.GetValue<string>()), $"{owner}: the proxy container needs an image");
            Assert.Equal("/status/ready", proxy["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
            Assert.Equal(8100, proxy["readinessProbe"]!["httpGet"]!["port"]!.GetValue<long>());
            Assert.Equal("/status", proxy["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
            Assert.Equal(8100, proxy["livenessProbe"]!["httpGet"]!["port"]!.GetValue<long>());

            var preStop = string.Join(" ", proxy["lifecycle"]!["preStop"]!["exec"]!["command"]!.AsArray().Select(c => c!.GetValue<string>()));
            var drain = PreStopSleep().Match(preStop);
            Assert.True(drain.Success && preStop.IndexOf("kong quit", StringComparison.Ordinal) > drain.Index, $"{owner}: preStop must sleep before kong quit: {preStop}");
            var grace = spec["terminationGracePeriodSeconds"]!.GetValue<long>();
            Assert.True(grace > options.DrainSeconds + options.QuitTimeoutSeconds, $"{owner}: grace period {grace}s is not longer than the drain plus kong quit's timeout");

            Assert.Contains(spec["topologySpreadConstraints"]!.AsArray(), c => c!["topologyKey"]!.GetValue<string>() == "topology.kubernetes.io/zone");
            Assert.True(spec["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
            Assert.Equal("RuntimeDefault", spec["securityContext"]!["seccompProfile"]!["type"]!.GetValue<string>());
            Assert.False(proxy["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
            Assert.Equal(["ALL"], proxy["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => c!.GetValue<string>()));
        }
    }

    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Every_KONG_variable_of_a_data_plane_is_a_Kong_Enterprise_property(string output)
    {
        var variables = PublishedDocument.PodTemplates(await PublishOutputs.DocumentsAsync(output))
            .SelectMany(t => t.Template["spec"]!["containers"]!.AsArray())
            .SelectMany(c => c!["env"]?.AsArray() ?? [])
            .Select(e => e!["name"]!.GetValue<string>())
            .Where(n => n.StartsWith("KONG_", StringComparison.Ordinal))
            .Concat(ProvisionerConfigMapVariables)
            .Distinct();
        foreach (var variable in variables)
        {
            Assert.True(KongConfProperties.PropertyOf(variable, enterprise: true) is not null, $"{variable} is not a kong.conf property, so Kong would ignore it");
        }
    }

    [Theory]
    [InlineData(EksDataPlaneFlavor.KongOperator, 1)]
    [InlineData(EksDataPlaneFlavor.KongOperator, 2)]
    [InlineData(EksDataPlaneFlavor.Plain, 1)]
    [InlineData(EksDataPlaneFlavor.Plain, 2)]
    public void A_disruption_budget_exists_only_from_two_minimum_replicas(EksDataPlaneFlavor flavor, int minReplicas)
    {
        var model = ReferenceModels.Create(flavor, o => o.MinReplicas = minReplicas);
        var documents = PublishedDocument.From(ManifestWriter.Render(EksManifestBuilder.Build(model)));
        var budgets = documents.Count(d => d.Kind == "PodDisruptionBudget")
            + documents.Count(d => d.Kind == "DataPlane" && d.Node["spec"]!["resources"]?["podDisruptionBudget"] is not null);
        Assert.Equal(minReplicas >= 2 ? 1 : 0, budgets);
    }

    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Nothing_that_looks_like_a_secret_is_written(string output)
    {
        foreach (var (name, content) in await PublishOutputs.FilesAsync(output))
        {
            Assert.False(SecretLooking().IsMatch(content), $"{name} contains something that looks like a secret");
        }
    }

    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Kong_Operator_rules_beyond_the_schema_hold(string output)
    {
        var documents = await PublishOutputs.DocumentsAsync(output);
        foreach (var auth in documents.Where(d => d.Kind == "KonnectAPIAuthConfiguration"))
        {
            Assert.Null(auth.Node["spec"]!["token"]);
            Assert.Equal("konnect-api-token", auth.Node["spec"]!["secretRef"]!["name"]!.GetValue<string>());
        }

        foreach (var route in documents.Where(d => d.Kind == "KongRoute"))
        {
            Assert.NotEmpty(route.Node["spec"]!["paths"]!.AsArray());
        }

        foreach (var binding in documents.Where(d => d.Kind == "KongPluginBinding"))
        {
            var scope = binding.Node["spec"]!["scope"]!.GetValue<string>();
            Assert.Equal(scope == "OnlyTargets", binding.Node["spec"]!["targets"] is not null);
            Assert.Contains(documents, d => d.Kind == "KongPlugin" && d.Name == binding.Node["spec"]!["pluginRef"]!["name"]!.GetValue<string>());
        }

        foreach (var reference in documents.Select(d => d.Node["spec"]?["controlPlaneRef"] ?? d.Node["spec"]?["konnect"]?["controlPlane"]?["ref"]).OfType<JsonNode>())
        {
            var name = reference["konnectNamespacedRef"]!["name"]!.GetValue<string>();
            Assert.Contains(documents, d => d.Kind == "KonnectGatewayControlPlane" && d.Name == name);
        }

        Assert.Equal(PublishOutputs.FlavorOf(output) == EksDataPlaneFlavor.KongOperator, documents.Any(d => d.Kind == "KongRoute"));
    }

    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task The_kustomization_lists_every_manifest_and_only_those(string output)
    {
        var files = await PublishOutputs.FilesAsync(output);
        var listed = YamlJsonConversion.Load(files.Single(f => f.Name == "kustomization.yaml").Content)!["resources"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var manifests = files.Select(f => f.Name).Where(n => n is not "kustomization.yaml" and not "kong.yaml").ToList();
        Assert.Equal(manifests.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(PublishOutputs.FlavorOf(output) == EksDataPlaneFlavor.Plain, files.Any(f => f.Name == "kong.yaml"));
    }

    // The keys of the Provisioner's ConfigMap that plain data planes read with envFrom (KonnectKubernetesNames.EndpointsConfigMap).
    private static readonly string[] ProvisionerConfigMapVariables =
        ["KONG_CLUSTER_CONTROL_PLANE", "KONG_CLUSTER_SERVER_NAME", "KONG_CLUSTER_TELEMETRY_ENDPOINT", "KONG_CLUSTER_TELEMETRY_SERVER_NAME"];

    private static void AssertCpuRequested(PublishedDocument owner, JsonNode template)
    {
        foreach (var container in template["spec"]!["containers"]!.AsArray())
        {
            Assert.False(string.IsNullOrEmpty(container!["resources"]?["requests"]?["cpu"]?.GetValue<string>()), $"{owner}: container {container["name"]} has no CPU request, so a CPU autoscaler cannot work");
        }
    }

    private static Dictionary<string, string> Labels(JsonNode? node) =>
        node?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [];

    private static bool IsSubset(Dictionary<string, string> subset, Dictionary<string, string> labels) =>
        subset.Count > 0 && subset.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value);

    [GeneratedRegex(@"sleep [1-9][0-9]*")]
    private static partial Regex PreStopSleep();

    [GeneratedRegex(@"kpat_|spat_|-----BEGIN ([A-Z]+ )?PRIVATE KEY-----")]
    private static partial Regex SecretLooking();
}
