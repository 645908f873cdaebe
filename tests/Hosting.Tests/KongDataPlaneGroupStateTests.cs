using Aspire.Hosting.Kong.DataPlanes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KonnectAspire.Hosting.Tests;

public class KongDataPlaneGroupStateTests
{
    [Fact]
    public void Group_is_running_when_every_instance_is_running_and_healthy()
    {
        var state = KongDataPlaneGroupState.Describe([Ready(), Ready()], total: 2);

        Assert.Equal((KnownResourceStates.Running, KnownResourceStateStyles.Success), (state.Text, state.Style));
    }

    [Fact]
    public void Group_counts_ready_instances_while_some_still_start()
    {
        var state = KongDataPlaneGroupState.Describe([Ready(), Instance(KnownResourceStates.Running, HealthStatus.Unhealthy)], total: 2);

        Assert.Equal(("1/2 ready", KnownResourceStateStyles.Info), (state.Text, state.Style));
    }

    [Fact]
    public void Group_is_waiting_while_every_instance_waits_for_the_control_plane()
    {
        var state = KongDataPlaneGroupState.Describe([Instance(KnownResourceStates.Waiting), Instance(KnownResourceStates.Waiting)], total: 2);

        Assert.Equal(KnownResourceStates.Waiting, state.Text);
    }

    [Fact]
    public void Group_shows_failed_instances_as_an_error()
    {
        var state = KongDataPlaneGroupState.Describe([Ready(), Instance(KnownResourceStates.FailedToStart)], total: 2);

        Assert.Equal(("1/2 ready, 1 failed", KnownResourceStateStyles.Error), (state.Text, state.Style));
    }

    private static (string?, HealthStatus?) Ready() => Instance(KnownResourceStates.Running, HealthStatus.Healthy);

    private static (string?, HealthStatus?) Instance(string state, HealthStatus? health = null) => (state, health);
}
