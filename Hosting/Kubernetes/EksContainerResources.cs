namespace Aspire.Hosting.ApplicationModel;

/// <summary>CPU and memory requests and limits of a container, as Kubernetes quantities (e.g. <c>500m</c>, <c>512Mi</c>).</summary>
/// <param name="CpuRequest">The CPU request; an autoscaler on CPU measures utilization against it.</param>
/// <param name="MemoryRequest">The memory request.</param>
/// <param name="CpuLimit">The CPU limit, or null for none.</param>
/// <param name="MemoryLimit">The memory limit, or null for none.</param>
public sealed record EksContainerResources(string CpuRequest, string MemoryRequest, string? CpuLimit, string? MemoryLimit);
