namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>An HTTP GET probe of a workload container.</summary>
/// <param name="Path">The path, e.g. <c>/health</c>.</param>
/// <param name="Port">The container port.</param>
/// <param name="PeriodSeconds">How often to probe.</param>
/// <param name="FailureThreshold">How many failures in a row count.</param>
internal sealed record WorkloadProbe(string Path, int Port, int PeriodSeconds = 10, int FailureThreshold = 3);
