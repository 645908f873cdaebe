namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>A container port that the workload's Service exposes on the same number.</summary>
/// <param name="Name">The port name (the endpoint name), an IANA_SVC_NAME.</param>
/// <param name="Port">The port number.</param>
/// <param name="Protocol">TCP or UDP.</param>
internal sealed record WorkloadPort(string Name, int Port, string Protocol = "TCP");
