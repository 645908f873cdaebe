namespace KonnectAspire.Provisioner.Commands.LoadTest;

/// <summary>A bounded open-loop load: <see cref="Rate"/> requests a second for <see cref="Duration"/>, at most <see cref="Concurrency"/> in flight.</summary>
internal sealed record LoadTestOptions(Uri Target, double Rate, TimeSpan Duration, int Concurrency, TimeSpan RequestTimeout)
{
    /// <summary>How many requests the schedule holds: one every 1/rate seconds from 0 up to (not including) the duration.</summary>
    public int Planned => (int)Math.Ceiling(Rate * Duration.TotalSeconds - 1e-9);

    public TimeSpan DueAt(int index) => TimeSpan.FromSeconds(index / Rate);
}
