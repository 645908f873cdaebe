using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong;
using Aspire.Hosting.Kong.Deploy;
using Aspire.Hosting.Kong.Kubernetes;
using Aspire.Hosting.Pipelines;

namespace Aspire.Hosting;

/// <summary>Adds and configures an <see cref="EksEnvironmentResource"/>.</summary>
public static class EksEnvironmentBuilderExtensions
{
    /// <summary>
    /// Adds an EKS compute environment. In publish mode (<c>aspire publish</c>, or
    /// <c>dotnet run --project AppHost -- --operation publish --step publish --output-path &lt;dir&gt;</c>) it writes
    /// Kubernetes manifests and a kustomization.yaml to <c>&lt;dir&gt;/&lt;name&gt;</c>; <c>aspire deploy</c> (<c>--step deploy</c>)
    /// then applies them to the cluster of the current kubeconfig context and waits until the gateway answers (settings
    /// under <c>Deploy:&lt;name&gt;</c>: <c>Kubeconfig</c>, <c>Context</c>, <c>Timeout</c>, <c>Wait</c>, <c>ProbePath</c>,
    /// <c>KonnectTokenFile</c>, <c>SecretFromEnv</c>, <c>SecretFromFile</c>). In run mode it is not part of the model.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <returns>The environment's builder.</returns>
    /// <remarks>
    /// <code>
    /// builder.AddEksEnvironment("eks")
    ///     .WithNamespace("gateway")
    ///     .WithDataPlaneFlavor(EksDataPlaneFlavor.Plain);
    /// </code>
    /// </remarks>
    public static IResourceBuilder<EksEnvironmentResource> AddEksEnvironment(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        KongModelErrors.Register();

        var environment = new EksEnvironmentResource(name);
        environment.Annotations.Add(new PipelineStepAnnotation(_ =>
        {
            // The deploy step deploys what this run's publish step wrote, from the model that publish read.
            EksPublishModel? published = null;
            var publish = new PipelineStep
            {
                Name = environment.PublishStepName,
                Description = $"Writes the Kubernetes manifests of '{name}' (kubectl apply -k).",
                Action = async context => published = await EksPublisher.PublishAsync(environment, context).ConfigureAwait(false),
            };
            publish.DependsOn(WellKnownPipelineSteps.PublishPrereq);
            publish.RequiredBy(WellKnownPipelineSteps.Publish);
            var deploy = new PipelineStep
            {
                Name = environment.DeployStepName,
                Description = $"Applies the manifests of '{name}' to the cluster and waits until the gateway answers through its load balancer.",
                Action = context => EksDeployer.DeployAsync(environment, published!, context),
            };
            deploy.DependsOn(publish);
            deploy.DependsOn(WellKnownPipelineSteps.DeployPrereq);
            deploy.RequiredBy(WellKnownPipelineSteps.Deploy);
            var destroy = new PipelineStep
            {
                Name = environment.DestroyStepName,
                Description = $"Deletes what the last deploy of '{name}' applied, in reverse order, and waits until the load balancers are released.",
                Action = context => EksDeployer.DestroyAsync(environment, context),
            };
            destroy.DependsOn(WellKnownPipelineSteps.DestroyPrereq);
            destroy.RequiredBy(WellKnownPipelineSteps.Destroy);
            return new[] { publish, deploy, destroy };
        }));
        return builder.ExecutionContext.IsPublishMode
            ? builder.AddResource(environment).ExcludeFromManifest()
            : builder.CreateResourceBuilder(environment);
    }

    /// <summary>Changes any of the environment's options; the change is applied when the manifests are written.</summary>
    /// <param name="builder">The environment's builder.</param>
    /// <param name="configure">The change.</param>
    /// <returns>The environment's builder.</returns>
    public static IResourceBuilder<EksEnvironmentResource> WithEksOptions(this IResourceBuilder<EksEnvironmentResource> builder, Action<EksEnvironmentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        return builder.WithAnnotation(new EksOptionsCallbackAnnotation<EksEnvironmentOptions>(configure));
    }

    /// <summary>Sets the Kubernetes namespace everything is published into (a DNS label, checked at publish).</summary>
    /// <param name="builder">The environment's builder.</param>
    /// <param name="namespace">The namespace.</param>
    /// <returns>The environment's builder.</returns>
    public static IResourceBuilder<EksEnvironmentResource> WithNamespace(this IResourceBuilder<EksEnvironmentResource> builder, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(@namespace);

        return builder.WithEksOptions(options => options.Namespace = @namespace);
    }

    /// <summary>
    /// Sends every published span to your own OTLP/HTTP collector instead of the Aspire dashboard published by default
    /// (see <see cref="EksEnvironmentOptions.OtlpEndpoint"/>); no dashboard is published then.
    /// </summary>
    /// <param name="builder">The environment's builder.</param>
    /// <param name="endpoint">The collector's OTLP/HTTP base address as pods reach it, e.g. <c>http://adot-collector.observability.svc.cluster.local:4318</c>.</param>
    /// <returns>The environment's builder.</returns>
    public static IResourceBuilder<EksEnvironmentResource> WithOtlpCollector(this IResourceBuilder<EksEnvironmentResource> builder, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoint);

        return builder.WithEksOptions(options => options.OtlpEndpoint = endpoint);
    }

    /// <summary>Chooses how the Kong data planes are published (default <see cref="EksDataPlaneFlavor.KongOperator"/>).</summary>
    /// <param name="builder">The environment's builder.</param>
    /// <param name="flavor">The flavour.</param>
    /// <returns>The environment's builder.</returns>
    public static IResourceBuilder<EksEnvironmentResource> WithDataPlaneFlavor(this IResourceBuilder<EksEnvironmentResource> builder, EksDataPlaneFlavor flavor)
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.WithEksOptions(options => options.Flavor = flavor);
    }

    /// <summary>Sets the scheme of the data planes' load balancers and adds annotations to their Services.</summary>
    /// <param name="builder">The environment's builder.</param>
    /// <param name="scheme">Internet-facing or internal.</param>
    /// <param name="annotations">Extra AWS Load Balancer Controller annotations, or null; they win over the built-in ones.</param>
    /// <returns>The environment's builder.</returns>
    public static IResourceBuilder<EksEnvironmentResource> WithLoadBalancer(this IResourceBuilder<EksEnvironmentResource> builder, AwsLoadBalancerScheme scheme, IReadOnlyDictionary<string, string>? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.WithEksOptions(options =>
        {
            options.LoadBalancerScheme = scheme;
            foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
            {
                options.LoadBalancerAnnotations[key] = value;
            }
        });
    }

    /// <summary>
    /// Sets the registry and tag of project images, e.g. an ECR registry and a build number. Configuration keys
    /// <c>Publish:&lt;name&gt;:ImageRegistry</c> and <c>Publish:&lt;name&gt;:ImageTag</c> override them at publish time.
    /// </summary>
    /// <param name="builder">The environment's builder.</param>
    /// <param name="registry">The registry host, e.g. <c>123456789012.dkr.ecr.us-east-2.amazonaws.com</c>.</param>
    /// <param name="tag">The tag, or null to keep the current one.</param>
    /// <param name="push">
    /// Whether publishing builds each project's image with <c>dotnet publish -t:PublishContainer</c> (no Docker) and pushes
    /// it there, naming it in the manifests by tag and digest (<see cref="EksEnvironmentOptions.PushImages"/>).
    /// </param>
    /// <returns>The environment's builder.</returns>
    public static IResourceBuilder<EksEnvironmentResource> WithProjectImages(this IResourceBuilder<EksEnvironmentResource> builder, string registry, string? tag = null, bool push = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(registry);

        return builder.WithEksOptions(options =>
        {
            options.ImageRegistry = registry;
            options.ImageTag = tag ?? options.ImageTag;
            options.PushImages = push || options.PushImages;
        });
    }
}
