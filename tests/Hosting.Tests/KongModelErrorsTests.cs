using Aspire.Hosting.Kong;
using Aspire.Hosting.Kong.GatewayConfig;

namespace KonnectAspire.Hosting.Tests;

/// <summary>
/// What an AppHost prints when an input problem of the model ends it: one line, the message only, for bad input this
/// integration raised; nothing special for programming errors. (The handler itself exits the process, so the tests
/// check what it would print.)
/// </summary>
public sealed class KongModelErrorsTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void An_out_of_range_argument_reads_as_its_message_without_the_parameter_suffix_or_stack()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 0));

        Assert.Equal("Data plane 'kong-dp' needs at least 1 instance, got 0; pass instances: 1 or more to AddKongDataPlane.", KongModelErrors.Describe(error));
    }

    [Fact]
    public void A_model_check_failure_reads_as_its_message()
    {
        _host.Builder.AddKongControlPlane("kong").WithPlugin("rate-limitng");
        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Equal(error.Message, KongModelErrors.Describe(new AggregateException(error)));
    }

    [Fact]
    public void A_null_argument_or_an_exception_from_elsewhere_is_left_to_the_runtime()
    {
        var nullArgument = Assert.Throws<ArgumentNullException>(() => _host.Builder.AddKongDataPlane("kong-dp", null!));

        Assert.Null(KongModelErrors.Describe(nullArgument));
        Assert.Null(KongModelErrors.Describe(new InvalidOperationException("a bug")));
        Assert.Null(KongModelErrors.Describe(Assert.Throws<ArgumentException>(() => ArgumentException.ThrowIfNullOrEmpty(""))));
    }
}
