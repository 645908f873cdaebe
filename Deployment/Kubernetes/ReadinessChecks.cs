using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// When an object counts as ready, read from its status alone: a condition (Valid, Programmed, Ready) that is True for
/// the current generation, a Deployment rolled out the way `kubectl rollout status` judges it, a load balancer address.
/// Each check takes the objects a wait currently sees, so the same check serves a wait and `provisioner status`.
/// </summary>
public static class ReadinessChecks
{
    public static Func<IReadOnlyCollection<JsonObject>, WaitCheck>? ForKind(string kind) => kind switch
    {
        "KonnectAPIAuthConfiguration" => objects => ConditionTrue(objects, "Valid"),
        "KonnectGatewayControlPlane" => objects => ConditionTrue(objects, "Programmed"),
        "KonnectExtension" => objects => ConditionTrue(objects, "Ready"),
        "DataPlane" => objects => ConditionTrue(objects, "Ready"),
        "Deployment" => DeploymentRolledOut,
        "HorizontalPodAutoscaler" => Autoscaler,
        "Service" => LoadBalancerAddress,
        _ => null,
    };

    public static WaitCheck ConditionTrue(IReadOnlyCollection<JsonObject> objects, string conditionType)
    {
        var item = objects.FirstOrDefault();
        if (item is null)
        {
            return WaitCheck.Pending("not created yet");
        }

        var condition = (item["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => JsonText.Of(c["type"]) == conditionType);
        if (condition is null)
        {
            return WaitCheck.Pending($"no {conditionType} condition yet: the Kong Operator has not reported on it");
        }

        var status = JsonText.Of(condition["status"]);
        var generation = Number(item["metadata"]?["generation"]);
        var observed = Number(condition["observedGeneration"]);
        if (status == "True" && (generation is null || observed is null || observed >= generation))
        {
            return WaitCheck.Done($"{conditionType}=True");
        }

        var reason = JsonText.Of(condition["reason"]);
        var message = JsonText.Of(condition["message"]);
        var stale = status == "True" ? " (for an older generation)" : "";
        return WaitCheck.Pending($"{conditionType}={status}{stale}{(reason is null ? "" : $" {reason}")}{(string.IsNullOrEmpty(message) ? "" : $": {message}")}");
    }

    public static WaitCheck DeploymentRolledOut(IReadOnlyCollection<JsonObject> objects)
    {
        var item = objects.FirstOrDefault();
        if (item is null)
        {
            return WaitCheck.Pending("not created yet");
        }

        var deployment = KubernetesJson.Deserialize<V1Deployment>(item.ToJsonString());
        var status = deployment.Status;
        if (status?.ObservedGeneration is null || status.ObservedGeneration < deployment.Metadata.Generation)
        {
            return WaitCheck.Pending("waiting for the new spec to be observed");
        }

        var progressing = status.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
        if (progressing?.Reason == "ProgressDeadlineExceeded")
        {
            return WaitCheck.Failed($"rollout exceeded its progress deadline: {progressing.Message}");
        }

        var desired = deployment.Spec.Replicas ?? 1;
        var updated = status.UpdatedReplicas ?? 0;
        var replicas = status.Replicas ?? 0;
        var available = status.AvailableReplicas ?? 0;
        if (updated < desired)
        {
            return WaitCheck.Pending($"{updated} of {desired} replicas updated");
        }

        if (replicas > updated)
        {
            return WaitCheck.Pending($"{replicas - updated} old replicas pending termination");
        }

        return available < updated
            ? WaitCheck.Pending($"{available} of {updated} updated replicas available")
            : WaitCheck.Done($"{available}/{desired} replicas available");
    }

    public static WaitCheck LoadBalancerAddress(IReadOnlyCollection<JsonObject> objects)
    {
        if (objects.Count == 0)
        {
            return WaitCheck.Pending("Service not created yet");
        }

        foreach (var item in objects)
        {
            var ingress = (item["status"]?["loadBalancer"]?["ingress"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
            var address = ingress is null ? null : JsonText.Of(ingress["hostname"]) ?? JsonText.Of(ingress["ip"]);
            if (address is not null)
            {
                return WaitCheck.Done(address);
            }
        }

        var type = JsonText.Of((objects.First()["spec"] as JsonObject)?["type"]) ?? "ClusterIP";
        return type == "LoadBalancer"
            ? WaitCheck.Pending("load balancer address pending (the AWS Load Balancer Controller provisions the NLB)")
            : WaitCheck.Done($"{type}");
    }

    public static WaitCheck Autoscaler(IReadOnlyCollection<JsonObject> objects)
    {
        var item = objects.FirstOrDefault();
        if (item is null)
        {
            return WaitCheck.Pending("not created yet");
        }

        var hpa = KubernetesJson.Deserialize<V2HorizontalPodAutoscaler>(item.ToJsonString());
        var cpu = hpa.Status?.CurrentMetrics?.FirstOrDefault(m => m.Resource?.Name == "cpu")?.Resource?.Current?.AverageUtilization;
        var target = hpa.Spec.Metrics?.FirstOrDefault(m => m.Resource?.Name == "cpu")?.Resource?.Target?.AverageUtilization;
        var line = $"replicas {hpa.Status?.CurrentReplicas ?? 0} current / {hpa.Status?.DesiredReplicas ?? 0} desired ({hpa.Spec.MinReplicas ?? 1}–{hpa.Spec.MaxReplicas}), cpu {(cpu is null ? "<unknown>" : $"{cpu}%")}/{(target is null ? "-" : $"{target}%")}";
        return cpu is null ? WaitCheck.Pending(line + " (no CPU metric: metrics-server missing or no CPU requests)") : WaitCheck.Done(line);
    }

    public static WaitCheck Gone(IReadOnlyCollection<JsonObject> objects)
    {
        var item = objects.FirstOrDefault();
        if (item is null)
        {
            return WaitCheck.Done("deleted");
        }

        var finalizers = (item["metadata"]?["finalizers"] as JsonArray)?.Select(f => f?.GetValue<string>()).ToList() ?? [];
        return WaitCheck.Pending(finalizers.Count == 0 ? "deleting" : $"deleting, held by finalizers {string.Join(", ", finalizers)}");
    }

    private static long? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
