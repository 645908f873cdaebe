namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// How fast an autoscaler may scale in one direction: at most <paramref name="MaxPercent"/> percent or
/// <paramref name="MaxPods"/> pods (whichever allows more) per <paramref name="PeriodSeconds"/>, after the
/// recommendation has been stable for <paramref name="StabilizationWindowSeconds"/>.
/// </summary>
/// <param name="StabilizationWindowSeconds">How long the recommendation must hold before acting (0–3600).</param>
/// <param name="MaxPercent">The most a step may change the replica count, in percent, or null.</param>
/// <param name="MaxPods">The most pods a step may add or remove, or null.</param>
/// <param name="PeriodSeconds">The length of a step (1–1800).</param>
public sealed record EksScalingPolicy(int StabilizationWindowSeconds, int? MaxPercent, int? MaxPods, int PeriodSeconds);
