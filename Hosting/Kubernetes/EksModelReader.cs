using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong.GatewayConfig;
using Aspire.Hosting.Kong.Telemetry;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// Reads the app model into an <see cref="EksPublishModel"/>: control planes with their gateway config, data-plane
/// groups, and every other project or container as a workload. Resources that exist only to run Kong locally (the local
/// control plane, its database and migrations, the local data-plane containers) are left out.
/// </summary>
internal static partial class EksModelReader
{
    public static async Task<EksPublishModel> ReadAsync(
        EksEnvironmentResource environment,
        DistributedApplicationModel appModel,
        DistributedApplicationExecutionContext executionContext,
        IConfiguration configuration,
        ICollection<string> problems,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var options = EksOptionsCallbackAnnotation<EksEnvironmentOptions>.Apply(environment, () => new());
        var section = configuration.GetSection($"Publish:{environment.Name}");
        options.ImageRegistry = section["ImageRegistry"] ?? options.ImageRegistry;
        options.ImageTag = section["ImageTag"] ?? options.ImageTag;
        options.BaseImage = section["BaseImage"] ?? options.BaseImage;
        if (section["PushImages"] is { Length: > 0 } pushImages)
        {
            if (bool.TryParse(pushImages, out var push))
            {
                options.PushImages = push;
            }
            else
            {
                problems.Add($"Publish:{environment.Name}:PushImages is '{pushImages}'; use true or false.");
            }
        }

        if (options.PushImages)
        {
            if (options.ImagePushTimeout <= TimeSpan.Zero)
            {
                problems.Add($"EKS environment '{environment.Name}' has ImagePushTimeout {options.ImagePushTimeout}; give each image a positive time to build and push, or leave it at 10 minutes.");
            }

            if (options.ImageRegistry == EksEnvironmentOptions.PlaceholderImageRegistry)
            {
                problems.Add($"EKS environment '{environment.Name}' pushes project images but has no registry: set Publish:{environment.Name}:ImageRegistry (e.g. 123456789012.dkr.ecr.us-east-2.amazonaws.com) or call WithProjectImages(registry, tag, push: true).");
            }

            if (options.ImageTag == EksEnvironmentOptions.PlaceholderImageTag)
            {
                problems.Add($"EKS environment '{environment.Name}' pushes project images but has no tag: set Publish:{environment.Name}:ImageTag (e.g. a build number or commit) or give WithProjectImages a tag.");
            }
        }
        if (section["OtlpEndpoint"] is { Length: > 0 } otlpEndpoint)
        {
            options.OtlpEndpoint = Uri.TryCreate(otlpEndpoint, UriKind.Absolute, out var parsed) ? parsed : null;
            if (parsed is null)
            {
                problems.Add($"Publish:{environment.Name}:OtlpEndpoint is '{otlpEndpoint}', which is not an absolute URL; give your collector's OTLP/HTTP address, e.g. http://adot-collector.observability.svc.cluster.local:4318, or remove it to publish the Aspire dashboard.");
            }
        }

        var otlpHttpEndpoint = options.OtlpEndpoint ?? AspireDashboardWorkload.OtlpHttpEndpoint(options.Namespace);

        var workloadResources = WorkloadResources(appModel, environment);
        var services = new KubernetesServiceMap(workloadResources, options.Namespace, problems);
        var dataPlaneGroups = appModel.Resources.OfType<KongDataPlaneResource>().ToList();
        services.AddDataPlaneGroups(dataPlaneGroups);
        var controlPlaneResources = appModel.Resources.OfType<IKongControlPlaneResource>();

        var controlPlanes = new List<ControlPlaneSpec>();
        foreach (var controlPlane in controlPlaneResources)
        {
            var konnect = controlPlane as KonnectControlPlaneResource;
            var gateway = await BuildGatewayAsync(controlPlane, services, executionContext, problems, cancellationToken).ConfigureAwait(false);
            if (KongTracingSettings.IsEnabled(controlPlane) && !gateway.Plugins.Any(p => KongOpenTelemetryPluginConfig.IsGlobal(p.Name, p.Route, p.Service)))
            {
                var groupNames = dataPlaneGroups.Where(g => g.ControlPlane == controlPlane).Select(g => g.Name).ToList();
                gateway.Plugins.Add(new KonnectAspire.Konnect.Gateway.GatewayPlugin
                {
                    Name = KongOpenTelemetryPluginConfig.PluginName,
                    Config = KongOpenTelemetryPluginConfig.Create(otlpHttpEndpoint, KongOpenTelemetryPluginConfig.ServiceName(controlPlane, groupNames), sendApiKey: false),
                });
            }

            controlPlanes.Add(new ControlPlaneSpec
            {
                Name = KubernetesObjectName.From(controlPlane.Name),
                RunKonnectName = konnect?.ControlPlaneName,
                RunKonnectServerHost = konnect is null ? null : KonnectAspire.Konnect.Api.KonnectClientOptions.ApiHost(konnect.Region),
                Options = EksOptionsCallbackAnnotation<EksControlPlaneOptions>.Apply(controlPlane, () => new()),
                Gateway = gateway,
            });
        }

        var groups = dataPlaneGroups.Select(group => new DataPlaneGroupSpec
        {
            Name = KubernetesObjectName.From(group.Name),
            ControlPlane = KubernetesObjectName.From(group.ControlPlane.Name),
            Options = EksOptionsCallbackAnnotation<EksDataPlaneOptions>.Apply(group, () => new()),
            Tracing = KongTracingSettings.IsEnabled(group.ControlPlane) ? KongTracingSettings.For(group) : [],
        }).ToList();

        var workloads = new List<WorkloadSpec>();
        foreach (var resource in workloadResources)
        {
            var workload = await ReadWorkloadAsync(resource, options, section, services, executionContext, problems, logger, cancellationToken).ConfigureAwait(false);
            workloads.Add(workload with { Environment = WithOtlpExporter(workload.Environment, otlpHttpEndpoint, resource.Name) });
        }

        if (options.OtlpEndpoint is null)
        {
            workloads.Add(AspireDashboardWorkload.Build());
        }

        return new EksPublishModel
        {
            EnvironmentName = environment.Name,
            Options = options,
            ControlPlanes = controlPlanes,
            DataPlaneGroups = groups,
            Workloads = workloads,
            OtlpHttpEndpoint = otlpHttpEndpoint,
        };
    }

    /// <summary>
    /// Points a workload's OpenTelemetry SDK at the published receiver over OTLP/HTTP, as the dashboard does for it in a
    /// run; what the AppHost set itself is kept.
    /// </summary>
    private static IReadOnlyList<V1EnvVar> WithOtlpExporter(IReadOnlyList<V1EnvVar> environment, Uri otlpHttpEndpoint, string serviceName)
    {
        var added = new List<V1EnvVar>();
        foreach (var (name, value) in new[]
        {
            ("OTEL_EXPORTER_OTLP_ENDPOINT", otlpHttpEndpoint.AbsoluteUri.TrimEnd('/')),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_SERVICE_NAME", serviceName),
        })
        {
            if (environment.All(variable => variable.Name != name))
            {
                added.Add(new V1EnvVar { Name = name, Value = value });
            }
        }

        return [.. environment, .. added];
    }

    private static async Task<KonnectAspire.Konnect.Gateway.GatewayConfiguration> BuildGatewayAsync(
        IKongControlPlaneResource controlPlane,
        KubernetesServiceMap services,
        DistributedApplicationExecutionContext executionContext,
        ICollection<string> problems,
        CancellationToken cancellationToken)
    {
        try
        {
            return await KongGatewayConfigurationBuilder.BuildAsync(controlPlane, services.UpstreamAddress, executionContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DistributedApplicationException)
        {
            problems.Add($"Gateway config of '{controlPlane.Name}': {ex.Message}");
            return new();
        }
    }

    /// <summary>The compute resources published as workloads: all but the local-only Kong machinery and what only it uses.</summary>
    public static IReadOnlyList<IResource> WorkloadResources(DistributedApplicationModel appModel, EksEnvironmentResource environment)
    {
        var compute = appModel.GetComputeResources()
            .Where(r => r.GetComputeEnvironment() is null || ReferenceEquals(r.GetComputeEnvironment(), environment))
            .ToList();
        var localOnlyRoots = compute.Where(IsLocalKong).ToHashSet();
        var kept = compute.Where(r => !localOnlyRoots.Contains(r)).ToList();
        var neededByKept = DependencyClosure(kept);
        var localOnly = DependencyClosure(localOnlyRoots).Where(r => !neededByKept.Contains(r)).ToHashSet();
        return kept.Where(r => !localOnly.Contains(r)).ToList();
    }

    private static bool IsLocalKong(IResource resource) =>
        resource is IKongControlPlaneResource or KongDataPlaneInstanceResource
        || resource is IResourceWithParent { Parent: IKongControlPlaneResource or KongDataPlaneResource };

    private static HashSet<IResource> DependencyClosure(IEnumerable<IResource> roots)
    {
        var seen = new HashSet<IResource>();
        var pending = new Stack<IResource>(roots);
        while (pending.TryPop(out var resource))
        {
            if (!seen.Add(resource))
            {
                continue;
            }

            foreach (var dependency in resource.Annotations.OfType<WaitAnnotation>().Select(a => a.Resource)
                .Concat(resource.Annotations.OfType<ResourceRelationshipAnnotation>().Select(a => a.Resource)))
            {
                pending.Push(dependency);
            }

            if (resource is IResourceWithParent child)
            {
                pending.Push(child.Parent);
            }
        }

        return seen;
    }

    private static async Task<WorkloadSpec> ReadWorkloadAsync(
        IResource resource,
        EksEnvironmentOptions environment,
        IConfiguration section,
        KubernetesServiceMap services,
        DistributedApplicationExecutionContext executionContext,
        ICollection<string> problems,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var name = KubernetesObjectName.From(resource.Name);
        var options = EksOptionsCallbackAnnotation<EksWorkloadOptions>.Apply(resource, () => new());
        var mapper = new WorkloadEnvironmentMapper(services, name, problems);

        var environmentContext = new EnvironmentCallbackContext(executionContext, resource, cancellationToken: cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(environmentContext).ConfigureAwait(false);
        }

        var arguments = new List<object>();
        var argumentsContext = new CommandLineArgsCallbackContext(arguments, resource, cancellationToken);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(argumentsContext).ConfigureAwait(false);
        }

        var mappedEnvironment = await mapper.MapEnvironmentAsync(environmentContext.EnvironmentVariables, cancellationToken).ConfigureAwait(false);
        var mappedArguments = await mapper.MapArgumentsAsync(arguments, cancellationToken).ConfigureAwait(false);
        // Secret variables that only the arguments refer to, as $(NAME), still have to be defined.
        var argumentSecrets = mapper.SecretVariables.Where(v => mappedEnvironment.All(e => e.Name != v.Name)).ToList();
        if (argumentSecrets.Count > 0)
        {
            mappedEnvironment = [.. argumentSecrets, .. mappedEnvironment];
        }

        var image = Image(resource, options, environment, section);
        if (image.Contains(EksEnvironmentOptions.PlaceholderImageRegistry, StringComparison.Ordinal) || image.EndsWith($":{EksEnvironmentOptions.PlaceholderImageTag}", StringComparison.Ordinal))
        {
            logger.LogWarning("The image of '{Resource}' is the placeholder {Image}: push the image and set Publish:<environment>:ImageRegistry and ImageTag, or WithProjectImages/PublishAsEksWorkload in the AppHost.", resource.Name, image);
        }

        var healthCheck = HealthCheckProbe(resource, services);
        return new WorkloadSpec
        {
            Name = name,
            Image = image,
            // Only a project whose image is the environment's (nothing configured for it by name or in C#) is built here.
            ProjectPath = resource is ProjectResource project && section[$"Images:{resource.Name}"] is not { Length: > 0 } && options.ImageRegistry is null && options.ImageRepository is null && options.ImageTag is null
                ? project.GetProjectMetadata().ProjectPath
                : null,
            Replicas = options.Replicas ?? resource.GetReplicaCount(),
            Ports = services.PortsOf(resource),
            Environment = mappedEnvironment,
            Command = resource is ContainerResource { Entrypoint: { } entrypoint } ? [entrypoint] : null,
            Args = mappedArguments.Count == 0 ? null : mappedArguments,
            Readiness = Probe(resource, ProbeType.Readiness, services) ?? healthCheck,
            Liveness = Probe(resource, ProbeType.Liveness, services) ?? LivenessFallback(healthCheck),
            Resources = options.Resources,
        };
    }

    /// <summary>
    /// The image: configuration <c>Publish:&lt;env&gt;:Images:&lt;resource&gt;</c> wins; then the C# options; then, for a
    /// container, its own image, and for a project the environment's registry and tag with the resource name.
    /// </summary>
    private static string Image(IResource resource, EksWorkloadOptions options, EksEnvironmentOptions environment, IConfiguration section)
    {
        if (section[$"Images:{resource.Name}"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var container = resource.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault();
        var isProject = resource is ProjectResource || container is null;
        var registry = options.ImageRegistry ?? (isProject ? environment.ImageRegistry : container!.Registry);
        var repository = options.ImageRepository ?? (isProject ? KubernetesObjectName.From(resource.Name) : container!.Image);
        var tag = options.ImageTag ?? (isProject ? environment.ImageTag : container!.Tag ?? "latest");
        return string.IsNullOrEmpty(registry) ? $"{repository}:{tag}" : $"{registry}/{repository}:{tag}";
    }

    private static WorkloadProbe? Probe(IResource resource, ProbeType type, KubernetesServiceMap services) =>
        resource.Annotations.OfType<EndpointProbeAnnotation>()
            .Where(p => p.Type == type && services.PortOf(resource, p.EndpointReference.EndpointName) is not null)
            .Select(p => new WorkloadProbe(p.Path, services.PortOf(resource, p.EndpointReference.EndpointName)!.Value, p.PeriodSeconds, p.FailureThreshold))
            .FirstOrDefault();

    // Without a liveness probe in the model, the health endpoint serves for both, but restarts only after a minute of failures.
    private static WorkloadProbe? LivenessFallback(WorkloadProbe? readiness) => readiness is null ? null : readiness with { FailureThreshold = 6 };

    /// <summary>
    /// A readiness probe from <c>WithHttpHealthCheck(path)</c>, whose health check key is
    /// <c>&lt;resource&gt;_&lt;endpoint&gt;_&lt;path&gt;_&lt;status&gt;_check</c>.
    /// </summary>
    private static WorkloadProbe? HealthCheckProbe(IResource resource, KubernetesServiceMap services)
    {
        var prefix = $"{resource.Name}_";
        foreach (var key in resource.Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = HealthCheckKey().Match(key[prefix.Length..]);
            if (match.Success && services.PortOf(resource, match.Groups["endpoint"].Value) is { } port)
            {
                return new WorkloadProbe(match.Groups["path"].Value, port);
            }
        }

        return null;
    }

    [GeneratedRegex("^(?<endpoint>[^_]+)_(?<path>/.*)_(?<status>[0-9]+)_check$")]
    private static partial Regex HealthCheckKey();
}
