using Aspire.Hosting.Kong.Kubernetes;
using Aspire.Hosting.Pipelines;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A compute environment that publishes the app model as Kubernetes manifests for Amazon EKS: Kong data planes behind
/// AWS Network Load Balancers with autoscaling, the gateway config, and a Deployment and Service for every other project
/// or container. It adds the pipeline step <c>publish-&lt;name&gt;</c>, which <c>aspire publish</c> runs.
/// </summary>
public class EksEnvironmentResource : Resource, IComputeEnvironmentResource
{
    /// <summary>Creates the environment and its publish step.</summary>
    /// <param name="name">The resource name; the manifests go to <c>&lt;output-path&gt;/&lt;name&gt;</c>.</param>
    public EksEnvironmentResource(string name) : base(name)
    {
        Annotations.Add(new PipelineStepAnnotation(_ =>
        {
            var step = new PipelineStep
            {
                Name = PublishStepName,
                Description = $"Writes the Kubernetes manifests of '{name}' (kubectl apply -k).",
                Action = context => EksPublisher.PublishAsync(this, context),
            };
            step.DependsOn(WellKnownPipelineSteps.PublishPrereq);
            step.RequiredBy(WellKnownPipelineSteps.Publish);
            return step;
        }));
    }

    /// <summary>The name of the pipeline step that writes the manifests: <c>publish-&lt;name&gt;</c>.</summary>
    public string PublishStepName => $"publish-{Name}";
}
