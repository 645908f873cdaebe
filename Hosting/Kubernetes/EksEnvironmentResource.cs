namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A compute environment that publishes the app model as Kubernetes manifests for Amazon EKS: Kong data planes behind
/// AWS Network Load Balancers with autoscaling, the gateway config, and a Deployment and Service for every other project
/// or container. Its builder adds the pipeline step <c>publish-&lt;name&gt;</c>, which <c>aspire publish</c> runs.
/// </summary>
public class EksEnvironmentResource : Resource, IComputeEnvironmentResource
{
    /// <summary>Creates the environment; <c>AddEksEnvironment</c> adds its publish step.</summary>
    /// <param name="name">The resource name; the manifests go to <c>&lt;output-path&gt;/&lt;name&gt;</c>.</param>
    public EksEnvironmentResource(string name) : base(name)
    {
    }

    /// <summary>The name of the pipeline step that writes the manifests: <c>publish-&lt;name&gt;</c>.</summary>
    public string PublishStepName => $"publish-{Name}";
}
