namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// What deploying a publish output does once its <see cref="ClusterSession"/> is open: every planned object applied with
/// server-side apply in dependency order, then the waits until the gateway answers through its load balancer. The
/// Provisioner's <c>deploy</c> and the EKS environment's deploy step both run it, so they converge the same way.
/// </summary>
public static class ClusterDeployer
{
    /// <summary>Reports the plan's warnings and notes, then applies each planned object in order.</summary>
    public static async Task ApplyAsync(ClusterSession session, IDeploymentProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(progress);
        var plan = session.Plan;
        PlanReport.Write(progress, plan);
        foreach (var item in plan.Objects)
        {
            progress.Doing($"the API server to apply {item.Document.Display}");
            await ServerSideApply.ApplyAsync(session.Api, item, dryRun: false, plan.Redactor, cancellationToken).ConfigureAwait(false);
            progress.Step($"applied {item.Document.Display}{(item.Document.Generated ? " (created by the provisioner)" : "")}");
        }
    }

    /// <summary>
    /// Waits, with watches, until the control plane is programmed, the data planes are ready, each LoadBalancer Service
    /// has an address and one GET of <paramref name="probePath"/> through it is answered; returns those answers.
    /// </summary>
    public static Task<IReadOnlyList<GatewayAnswer>> WaitForGatewayAsync(
        ClusterSession session,
        IDeploymentProgress progress,
        HttpClient http,
        string probePath,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new GatewayReadiness(session.Api, progress, http).WaitAsync(session.Plan, probePath, cancellationToken);
    }
}
