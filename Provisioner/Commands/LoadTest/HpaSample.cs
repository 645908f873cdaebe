namespace KonnectAspire.Provisioner.Commands.LoadTest;

/// <summary>An autoscaler's replicas and CPU at one moment of the run (offset from its start).</summary>
internal sealed record HpaSample(TimeSpan At, string Name, int CurrentReplicas, int DesiredReplicas, int? CpuUtilization, int? CpuTarget);
