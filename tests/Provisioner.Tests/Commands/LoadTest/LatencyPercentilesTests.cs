using KonnectAspire.Provisioner.Commands.LoadTest;

namespace KonnectAspire.Provisioner.Tests.Commands.LoadTest;

public sealed class LatencyPercentilesTests
{
    private static readonly TimeSpan[] OneToHundred = Enumerable.Range(1, 100).Reverse().Select(i => TimeSpan.FromMilliseconds(i)).ToArray();

    [Theory]
    [InlineData(50, 50)]
    [InlineData(90, 90)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0.5, 1)]
    public void Percentiles_are_nearest_rank_over_the_samples_in_any_order(double percentile, int expectedMilliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), LatencyPercentiles.Of(OneToHundred, percentile));

    [Fact]
    public void One_sample_is_every_percentile_and_none_is_zero()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(7), LatencyPercentiles.Of([TimeSpan.FromMilliseconds(7)], 99));
        Assert.Equal(TimeSpan.Zero, LatencyPercentiles.Of([], 50));
    }

    [Fact]
    public void Ten_samples_put_p90_on_the_ninth_and_p99_on_the_tenth()
    {
        var samples = Enumerable.Range(1, 10).Select(i => TimeSpan.FromMilliseconds(i * 10)).ToList();

        Assert.Equal(TimeSpan.FromMilliseconds(50), LatencyPercentiles.Of(samples, 50));
        Assert.Equal(TimeSpan.FromMilliseconds(90), LatencyPercentiles.Of(samples, 90));
        Assert.Equal(TimeSpan.FromMilliseconds(100), LatencyPercentiles.Of(samples, 99));
    }
}
