namespace KonnectAspire.Provisioner.Commands.LoadTest;

/// <summary>Percentiles by the nearest-rank method: the smallest sample with at least p % of the samples at or below it.</summary>
internal static class LatencyPercentiles
{
    public static TimeSpan Of(IReadOnlyList<TimeSpan> samples, double percentile)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (samples.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
