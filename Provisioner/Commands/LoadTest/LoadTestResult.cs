namespace KonnectAspire.Provisioner.Commands.LoadTest;

/// <summary>
/// The scheduler's own accounting of a run: every request sent (with due and send times), the ones it could not send
/// before the hard end because all <see cref="LoadTestOptions.Concurrency"/> slots stayed busy, when dispatching
/// stopped, and the HPA samples.
/// </summary>
internal sealed record LoadTestResult(LoadTestOptions Options, IReadOnlyList<RequestSample> Samples, int Dropped, TimeSpan LastSentAt, TimeSpan Elapsed, IReadOnlyList<HpaSample> Autoscaler)
{
    public int Sent => Samples.Count;

    public int Succeeded => Samples.Count(s => s.Succeeded);

    public int Failed => Sent - Succeeded;

    /// <summary>Requests a second over the scheduled window.</summary>
    public double AchievedRate => Sent / Options.Duration.TotalSeconds;

    /// <summary>How late the latest request left against its due time (a busy client shows here, not in latencies).</summary>
    public TimeSpan MaxSendDelay => Samples.Count == 0 ? TimeSpan.Zero : Samples.Max(s => s.SentAt - s.DueAt);

    public IReadOnlyList<TimeSpan> Latencies => Samples.Where(s => s.Answered).Select(s => s.Latency).ToList();

    public TimeSpan Percentile(double percentile) => LatencyPercentiles.Of(Latencies, percentile);

    public IReadOnlyDictionary<int, int> StatusCodes => Samples.GroupBy(s => s.StatusCode).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}
