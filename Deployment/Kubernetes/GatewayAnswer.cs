namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>The gateway's first answer through its load balancer (any HTTP status counts: Kong answered).</summary>
public sealed record GatewayAnswer(Uri Uri, int StatusCode, string? ReasonPhrase, string BodyStart);
