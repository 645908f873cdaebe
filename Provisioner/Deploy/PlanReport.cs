using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Deploy;

/// <summary>Shows a plan's warnings (missing add-ons) and notes (objects created or skipped) before anything happens.</summary>
internal static class PlanReport
{
    public static void Write(CommandOutput output, DeploymentPlan plan)
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
