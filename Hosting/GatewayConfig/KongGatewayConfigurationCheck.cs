using System.Text;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;

namespace Aspire.Hosting.Kong.GatewayConfig;

/// <summary>
/// Refuses to start (or publish) when the gateway config recorded on a control plane would be rejected, listing every
/// problem with its fix, before any container starts.
/// </summary>
internal sealed class KongGatewayConfigurationCheck : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        eventing.Subscribe<BeforeStartEvent>((beforeStart, _) =>
        {
            Check(beforeStart.Model);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public static void Check(DistributedApplicationModel model)
    {
        var controlPlanes = model.Resources.OfType<IKongControlPlaneResource>().Where(HasGatewayConfig);

        var message = new StringBuilder();
        foreach (var controlPlane in controlPlanes)
        {
            var problems = KongGatewayConfigurationBuilder.FindProblems(controlPlane);
            if (problems.Count == 0)
            {
                continue;
            }

            message.AppendLine($"The gateway config of Kong control plane '{controlPlane.Name}' would be rejected ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
            foreach (var problem in problems)
            {
                message.AppendLine($"  - {problem}");
            }
        }

        if (message.Length > 0)
        {
            throw new DistributedApplicationException(message.ToString().TrimEnd());
        }
    }

    private static bool HasGatewayConfig(IKongControlPlaneResource controlPlane)
        => controlPlane.Annotations.Any(annotation => annotation is KongRouteAnnotation or KongPluginAnnotation or KongDeclarativeConfigAnnotation);
}
