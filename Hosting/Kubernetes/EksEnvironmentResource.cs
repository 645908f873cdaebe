namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A compute environment that publishes the app model as Kubernetes manifests for Amazon EKS: Kong data planes behind
/// AWS Network Load Balancers with autoscaling, the gateway config, and a Deployment and Service for every other project
/// or container. Its builder adds the pipeline steps <c>publish-&lt;name&gt;</c>, which <c>aspire publish</c> runs, and
/// <c>deploy-&lt;name&gt;</c>, which <c>aspire deploy</c> runs after it.
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

    /// <summary>The name of the pipeline step that applies them to the cluster (<c>aspire deploy</c>): <c>deploy-&lt;name&gt;</c>.</summary>
    public string DeployStepName => $"deploy-{Name}";

    /// <summary>The name of the pipeline step that deletes what deploy applied (<c>aspire do destroy</c>): <c>destroy-&lt;name&gt;</c>.</summary>
    public string DestroyStepName => $"destroy-{Name}";
}
