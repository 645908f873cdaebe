using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using KonnectAspire.Konnect.Gateway;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>Every reason the manifests would be wrong or rejected, found before any file is written.</summary>
internal static partial class EksPublishModelValidator
{
    public static IReadOnlyList<string> Validate(EksPublishModel model)
    {
        var problems = new List<string>();
        var options = model.Options;
        if (!KubernetesObjectName.IsDnsLabel(options.Namespace))
        {
            problems.Add($"Namespace '{options.Namespace}' is not a DNS label: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. 'konnect-aspire').");
        }

        var regions = model.ControlPlanes.Select(c => c.RunKonnectServerHost).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (options.OtlpEndpoint is { } otlp && (!otlp.IsAbsoluteUri || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"OtlpEndpoint '{otlp}' is not an http(s) URL; Kong's opentelemetry plugin sends OTLP/HTTP only. Give your collector's OTLP/HTTP address, e.g. http://adot-collector.observability.svc.cluster.local:4318, or leave it unset to publish the Aspire dashboard.");
        }

        if (options.KonnectServerUrl is null && regions.Count > 1)
        {
            problems.Add($"The Konnect control planes of the model are in {regions.Count} regions ({string.Join(", ", regions)}), but an EKS environment talks to one Konnect API: publish each region with its own EKS environment, or set KonnectServerUrl.");
        }

        if (options.KonnectServerUrl is not null && string.IsNullOrWhiteSpace(options.KonnectServerUrl))
        {
            problems.Add("KonnectServerUrl is empty: set it to your region's Konnect API host, e.g. 'us.api.konghq.com', or leave it unset to take the Konnect control plane's region.");
        }
        else if (options.KonnectServerUrl is { } serverUrl && !IsKonnectServerUrl(serverUrl))
        {
            problems.Add($"KonnectServerUrl '{serverUrl}' is neither a host name nor an https URL (as the Kong Operator requires); use your region's Konnect API host, e.g. 'eu.api.konghq.com', or leave it unset to take the Konnect control plane's region.");
        }

        if (options.Flavor == EksDataPlaneFlavor.Plain && model.ControlPlanes.Count > 1)
        {
            problems.Add($"The plain flavour publishes one control plane per environment, but the model has {model.ControlPlanes.Count} ({string.Join(", ", model.ControlPlanes.Select(c => c.Name))}): use the Kong Operator flavour, or one EKS environment (and namespace) per control plane.");
        }

        foreach (var controlPlane in model.ControlPlanes)
        {
            ValidateControlPlane(controlPlane, problems);
        }

        foreach (var group in model.DataPlaneGroups)
        {
            ValidateDataPlaneGroup(model, group, problems);
        }

        foreach (var workload in model.Workloads)
        {
            ValidateResources($"Workload '{workload.Name}'", workload.Resources, cpuRequestRequired: false, problems);
            if (workload.Replicas < 0)
            {
                problems.Add($"Workload '{workload.Name}' has {workload.Replicas} replicas: use 0 or more.");
            }
        }

        ReportCollisions(model, problems);
        return problems;
    }

    private static void ValidateControlPlane(ControlPlaneSpec controlPlane, List<string> problems)
    {
        if (controlPlane.Options.MirrorId is { } id && !Uuid().IsMatch(id))
        {
            problems.Add($"Control plane '{controlPlane.Name}': MirrorId '{id}' is not a lower-case UUID; copy the control plane's ID from Konnect (Gateway Manager, control plane overview).");
        }

        if (string.IsNullOrWhiteSpace(controlPlane.KonnectName))
        {
            problems.Add($"Control plane '{controlPlane.Name}': KonnectName is empty; leave it null to use the resource name.");
        }

        foreach (var route in controlPlane.Gateway.Routes)
        {
            foreach (var path in route.Paths)
            {
                if (GatewayConfigurationValidator.ValidateRoutePath(path) is { } reason)
                {
                    problems.Add($"Route '{route.Name}' of control plane '{controlPlane.Name}': path '{path}' would be rejected by Kong: {reason}");
                }
            }
        }
    }

    private static void ValidateDataPlaneGroup(EksPublishModel model, DataPlaneGroupSpec group, List<string> problems)
    {
        var o = group.Options;
        var who = $"Data plane '{group.Name}'";
        if (o.MinReplicas < 1)
        {
            problems.Add($"{who}: MinReplicas is {o.MinReplicas}; use at least 1 (2 or more for a disruption budget).");
        }

        if (o.MinReplicas > o.MaxReplicas)
        {
            problems.Add($"{who}: MinReplicas ({o.MinReplicas}) is greater than MaxReplicas ({o.MaxReplicas}); raise MaxReplicas or lower MinReplicas.");
        }

        if (o.CpuUtilizationTarget is < 1 or > 100)
        {
            problems.Add($"{who}: CpuUtilizationTarget is {o.CpuUtilizationTarget}; use a percentage of the CPU request from 1 to 100 (e.g. 70).");
        }

        if (o.PodDisruptionBudget == true && o.MinReplicas < 2)
        {
            problems.Add($"{who}: a PodDisruptionBudget with MinReplicas {o.MinReplicas} would block node drains; set MinReplicas to 2 or more, or PodDisruptionBudget to false.");
        }

        ValidateResources(who, o.Resources, cpuRequestRequired: true, problems);
        ValidateScaling($"{who} ScaleUp", o.ScaleUp, problems);
        ValidateScaling($"{who} ScaleDown", o.ScaleDown, problems);

        if (o.DrainSeconds is < 1 or > 300)
        {
            problems.Add($"{who}: DrainSeconds is {o.DrainSeconds}; use 1 to 300 (the load balancer needs time to deregister a stopping pod).");
        }

        if (o.QuitTimeoutSeconds is < 1 or > 300)
        {
            problems.Add($"{who}: QuitTimeoutSeconds is {o.QuitTimeoutSeconds}; use 1 to 300.");
        }

        if (o.ServiceAccountName is { } account && !KubernetesObjectName.IsDnsLabel(account))
        {
            problems.Add($"{who}: ServiceAccountName '{account}' is not a valid name; use lower-case letters, digits and '-'.");
        }

        if (model.ControlPlanes.All(c => c.Name != group.ControlPlane))
        {
            problems.Add($"{who}: its control plane '{group.ControlPlane}' is not published by this environment.");
        }
    }

    private static void ValidateResources(string who, EksContainerResources resources, bool cpuRequestRequired, List<string> problems)
    {
        foreach (var (field, value) in new[] { ("CpuRequest", resources.CpuRequest), ("MemoryRequest", resources.MemoryRequest), ("CpuLimit", resources.CpuLimit), ("MemoryLimit", resources.MemoryLimit) })
        {
            if (value is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(field == "CpuRequest" && cpuRequestRequired
                    ? $"{who}: the CPU request is empty, but the autoscaler measures CPU as a percentage of it; set Resources.CpuRequest (e.g. '300m')."
                    : $"{who}: Resources.{field} is empty; set a quantity (limits may be null for none).");
            }
            else if (!IsQuantity(value))
            {
                problems.Add($"{who}: Resources.{field} '{value}' is not a Kubernetes quantity; use e.g. '500m' or '1' for CPU and '512Mi' or '1Gi' for memory.");
            }
        }

        ValidateRequestWithinLimit(who, "CPU", resources.CpuRequest, resources.CpuLimit, problems);
        ValidateRequestWithinLimit(who, "memory", resources.MemoryRequest, resources.MemoryLimit, problems);
    }

    private static void ValidateRequestWithinLimit(string who, string kind, string request, string? limit, List<string> problems)
    {
        if (IsQuantity(request) && limit is { } bound && IsQuantity(bound)
            && new ResourceQuantity(request).ToDecimal() > new ResourceQuantity(bound).ToDecimal())
        {
            problems.Add($"{who}: the {kind} request ({request}) is above the {kind} limit ({bound}); raise the limit.");
        }
    }

    private static void ValidateScaling(string who, EksScalingPolicy policy, List<string> problems)
    {
        if (policy.StabilizationWindowSeconds is < 0 or > 3600)
        {
            problems.Add($"{who}: StabilizationWindowSeconds is {policy.StabilizationWindowSeconds}; use 0 to 3600.");
        }

        if (policy.PeriodSeconds is < 1 or > 1800)
        {
            problems.Add($"{who}: PeriodSeconds is {policy.PeriodSeconds}; use 1 to 1800.");
        }

        if (policy.MaxPercent is null && policy.MaxPods is null)
        {
            problems.Add($"{who}: set MaxPercent, MaxPods or both, so the autoscaler knows how far one step may go.");
        }

        if (policy.MaxPercent is < 1 || policy.MaxPods is < 1)
        {
            problems.Add($"{who}: MaxPercent and MaxPods must be at least 1 when set.");
        }
    }

    private static void ReportCollisions(EksPublishModel model, List<string> problems)
    {
        // Deployments, Services and DataPlanes share one namespace; app-model names that map to one object name collide.
        var owners = model.DataPlaneGroups.Select(g => (Name: g.Name, Owner: $"data plane '{g.Name}'"))
            .Concat(model.DataPlaneGroups.Select(g => (Name: PlainManifests.ProxyServiceName(g), Owner: $"the proxy Service of data plane '{g.Name}'")))
            .Concat(model.Workloads.Select(w => (Name: w.Name, Owner: $"workload '{w.Name}'")));
        foreach (var clash in owners.GroupBy(o => o.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"Two resources would be published under the name '{clash.Key}' ({string.Join(" and ", clash.Select(c => c.Owner))}); rename one of them in the AppHost.");
        }

        foreach (var name in model.DataPlaneGroups.Select(g => g.Name).Concat(model.Workloads.Select(w => w.Name)).Where(n => !KubernetesObjectName.IsDnsLabel(n)))
        {
            problems.Add($"'{name}' is not a valid Kubernetes name; use at most 63 lower-case letters, digits and '-'.");
        }

        var gatewayNames = model.ControlPlanes.SelectMany(c =>
            c.Gateway.Services.Select(s => ("KongService", KongOperatorGatewayResources.ServiceName(s.Name), s.Name))
                .Concat(c.Gateway.Routes.Select(r => ("KongRoute", KongOperatorGatewayResources.RouteName(r.Name), r.Name)))
                .Concat(c.Gateway.Plugins.Select(p => ("KongPlugin", KongOperatorGatewayResources.PluginName(p), $"{p.Name} on {p.Route ?? p.Service ?? "everything"}"))));
        if (model.Options.Flavor == EksDataPlaneFlavor.KongOperator)
        {
            foreach (var clash in gatewayNames.GroupBy(n => (n.Item1, n.Item2)).Where(g => g.Count() > 1))
            {
                problems.Add($"{clash.Key.Item1} name '{clash.Key.Item2}' would be used by {string.Join(" and ", clash.Select(c => $"'{c.Item3}'"))}; give them distinct names.");
            }
        }
    }

    // The KonnectAPIAuthConfiguration CRD: an absolute https URL, or an RFC 1123 host name.
    private static bool IsKonnectServerUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.Scheme == "https" && uri.Host.Length > 0
            : value.Length <= 253 && HostName().IsMatch(value);

    private static bool IsQuantity(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Quantity().IsMatch(value))
        {
            return false;
        }

        try
        {
            _ = new ResourceQuantity(value).ToDecimal();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();

    // The Kubernetes quantity grammar: a decimal number, then a binary or decimal SI suffix or an exponent.
    [GeneratedRegex(@"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$")]
    private static partial Regex Quantity();

    [GeneratedRegex("^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$")]
    private static partial Regex HostName();
}
