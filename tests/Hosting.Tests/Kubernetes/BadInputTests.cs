using Aspire.Hosting.Kong.Kubernetes;
using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public class BadInputTests
{
    [Theory]
    [InlineData(EksDataPlaneFlavor.KongOperator)]
    [InlineData(EksDataPlaneFlavor.Plain)]
    public void The_reference_model_has_no_problems(EksDataPlaneFlavor flavor) =>
        Assert.Empty(EksPublishModelValidator.Validate(ReferenceModels.Create(flavor)));

    [Theory]
    [InlineData("ftp://collector.example:4318")]
    [InlineData("grpc://collector.example:4317")]
    public void An_otlp_endpoint_that_is_not_http_is_an_error(string endpoint)
    {
        var model = ReferenceModels.Create(EksDataPlaneFlavor.Plain);
        model.Options.OtlpEndpoint = new Uri(endpoint);
        AssertProblem(model, $"OtlpEndpoint '{new Uri(endpoint)}' is not an http(s) URL");
    }

    [Fact]
    public void Min_replicas_above_max_is_an_error() =>
        AssertProblem(ReferenceModels.Create(EksDataPlaneFlavor.KongOperator, o => (o.MinReplicas, o.MaxReplicas) = (5, 3)), "MinReplicas (5) is greater than MaxReplicas (3)");

    [Fact]
    public void Min_replicas_below_one_is_an_error() =>
        AssertProblem(ReferenceModels.Create(EksDataPlaneFlavor.Plain, o => o.MinReplicas = 0), "MinReplicas is 0; use at least 1");

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_cpu_target_outside_1_to_100_is_an_error(int target) =>
        AssertProblem(ReferenceModels.Create(EksDataPlaneFlavor.KongOperator, o => o.CpuUtilizationTarget = target), $"CpuUtilizationTarget is {target}; use a percentage of the CPU request from 1 to 100");

    [Fact]
    public void A_disruption_budget_with_one_minimum_replica_is_an_error() =>
        AssertProblem(ReferenceModels.Create(EksDataPlaneFlavor.Plain, o => (o.MinReplicas, o.PodDisruptionBudget) = (1, true)), "a PodDisruptionBudget with MinReplicas 1 would block node drains");

    [Theory]
    [InlineData("Konnect_Aspire")]
    [InlineData("-gateway")]
    [InlineData("a-namespace-name-that-is-far-too-long-to-be-a-dns-label-in-kubernetes")]
    [InlineData("")]
    public void A_namespace_that_is_not_a_DNS_label_is_an_error(string ns)
    {
        var model = ReferenceModels.Create(EksDataPlaneFlavor.KongOperator);
        model.Options.Namespace = ns;
        AssertProblem(model, $"Namespace '{ns}' is not a DNS label");
    }

    [Fact]
    public void A_route_path_Kong_would_reject_is_an_error()
    {
        var model = ReferenceModels.Create(EksDataPlaneFlavor.KongOperator);
        var gateway = ReferenceModels.Gateway();
        gateway.Routes[0] = gateway.Routes[0] with { Paths = ["orders"] };
        model = model with { ControlPlanes = [model.ControlPlanes[0] with { Gateway = gateway }] };
        AssertProblem(model, "Route 'orders' of control plane 'kong-cp': path 'orders' would be rejected by Kong");
    }

    [Fact]
    public void A_missing_cpu_request_is_an_error_because_the_autoscaler_needs_it() =>
        AssertProblem(ReferenceModels.Create(EksDataPlaneFlavor.Plain, o => o.Resources = o.Resources with { CpuRequest = "" }), "the CPU request is empty, but the autoscaler measures CPU as a percentage of it");

    [Fact]
    public void A_malformed_quantity_is_an_error() =>
        AssertProblem(ReferenceModels.Create(EksDataPlaneFlavor.Plain, o => o.Resources = o.Resources with { MemoryLimit = "1 gigabyte" }), "Resources.MemoryLimit '1 gigabyte' is not a Kubernetes quantity");

    [Fact]
    public void A_mirror_id_that_is_not_a_uuid_is_an_error()
    {
        var model = ReferenceModels.Create(EksDataPlaneFlavor.KongOperator);
        model = model with { ControlPlanes = [model.ControlPlanes[0] with { Options = new() { MirrorId = "kong-cp" } }] };
        AssertProblem(model, "MirrorId 'kong-cp' is not a lower-case UUID");
    }

    [Fact]
    public void Two_control_planes_in_the_plain_flavour_is_an_error()
    {
        var model = ReferenceModels.Create(EksDataPlaneFlavor.Plain);
        model = model with { ControlPlanes = [model.ControlPlanes[0], new ControlPlaneSpec { Name = "other-cp", Gateway = new GatewayConfiguration() }] };
        AssertProblem(model, "The plain flavour publishes one control plane per environment");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var model = ReferenceModels.Create(EksDataPlaneFlavor.KongOperator, o => (o.MinReplicas, o.MaxReplicas, o.CpuUtilizationTarget) = (4, 2, 0));
        model.Options.Namespace = "Bad Namespace";
        Assert.Equal(3, EksPublishModelValidator.Validate(model).Count);
    }

    private static void AssertProblem(EksPublishModel model, string expected)
    {
        var problems = EksPublishModelValidator.Validate(model);
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected a problem containing \"{expected}\", got:\n{string.Join("\n", problems)}");
    }
}
