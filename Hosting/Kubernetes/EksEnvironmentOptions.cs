namespace Aspire.Hosting.ApplicationModel;

/// <summary>Options of an <see cref="EksEnvironmentResource"/>; every one has a working default.</summary>
public sealed class EksEnvironmentOptions
{
    /// <summary>The registry used for project images when none is set: an obviously replaceable value.</summary>
    public const string PlaceholderImageRegistry = "registry.example.invalid";

    /// <summary>The tag used for project images when none is set: an obviously replaceable value.</summary>
    public const string PlaceholderImageTag = "replace-me";

    /// <summary>The Kubernetes namespace everything is published into; a DNS label. Default <c>konnect-aspire</c>.</summary>
    public string Namespace { get; set; } = "konnect-aspire";

    /// <summary>How the data planes are published. Default <see cref="EksDataPlaneFlavor.KongOperator"/>.</summary>
    public EksDataPlaneFlavor Flavor { get; set; } = EksDataPlaneFlavor.KongOperator;

    /// <summary>The scheme of the data planes' load balancers. Default <see cref="AwsLoadBalancerScheme.InternetFacing"/>.</summary>
    public AwsLoadBalancerScheme LoadBalancerScheme { get; set; } = AwsLoadBalancerScheme.InternetFacing;

    /// <summary>Extra annotations on every data-plane load-balancer Service; they win over the built-in ones.</summary>
    public IDictionary<string, string> LoadBalancerAnnotations { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The registry of project images (e.g. an ECR registry host); configuration key <c>Publish:&lt;env&gt;:ImageRegistry</c> overrides it.</summary>
    public string ImageRegistry { get; set; } = PlaceholderImageRegistry;

    /// <summary>The tag of project images; configuration key <c>Publish:&lt;env&gt;:ImageTag</c> overrides it.</summary>
    public string ImageTag { get; set; } = PlaceholderImageTag;

    /// <summary>
    /// Whether publishing builds every project's image with the .NET SDK's container support
    /// (<c>dotnet publish -t:PublishContainer</c>, no Docker daemon) and pushes it to <see cref="ImageRegistry"/> as
    /// <c>&lt;resource&gt;:&lt;ImageTag&gt;</c>; the manifests then name the pushed image by tag and digest. Registry
    /// credentials come from the usual Docker configuration (<c>~/.docker/config.json</c>, e.g. ECR's
    /// <c>docker-credential-ecr-login</c> helper). Default false; configuration key <c>Publish:&lt;env&gt;:PushImages</c>.
    /// </summary>
    public bool PushImages { get; set; }

    /// <summary>
    /// The base image pushed project images are built on (<c>ContainerBaseImage</c>); null (the default) keeps the
    /// SDK's choice or the project's own setting. Configuration key <c>Publish:&lt;env&gt;:BaseImage</c>.
    /// </summary>
    public string? BaseImage { get; set; }

    /// <summary>How long building and pushing one project image may take before publishing fails. Default 10 minutes.</summary>
    public TimeSpan ImagePushTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The Konnect API host (or https URL) the Kong Operator talks to, e.g. <c>eu.api.konghq.com</c>. Null (the default)
    /// takes the region of the model's Konnect control plane, as the run uses it (<c>AddKonnectControlPlane</c>'s
    /// region or <c>Konnect:Region</c>), and <c>us.api.konghq.com</c> when the model has none; set it only to override.
    /// </summary>
    public string? KonnectServerUrl { get; set; }

    /// <summary>
    /// The OTLP/HTTP receiver every published span goes to: the data planes' opentelemetry plugin posts to
    /// <c>{OtlpEndpoint}/v1/traces</c>, and every workload gets it as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with protocol
    /// <c>http/protobuf</c>. Null (the default) publishes the standalone Aspire dashboard into the namespace and sends
    /// everything there; set it to your own collector (for example an AWS Distro for OpenTelemetry collector exporting
    /// to X-Ray, <c>http://adot-collector.observability.svc.cluster.local:4318</c>) and no dashboard is published.
    /// Configuration key <c>Publish:&lt;env&gt;:OtlpEndpoint</c> overrides it.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }
}
