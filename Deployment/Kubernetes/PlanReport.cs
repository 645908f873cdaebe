namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>Shows a plan's warnings (missing add-ons) and notes (objects created or skipped) before anything happens.</summary>
public static class PlanReport
{
    public static void Write(IDeploymentProgress output, DeploymentPlan plan)
    {
        foreach (var warning in plan.Warnings)
        {
            output.Warning(warning);
        }

        foreach (var note in plan.Notes)
        {
            output.Detail(note);
        }
    }
}
