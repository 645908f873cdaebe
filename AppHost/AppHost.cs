using System.Text.Json.Nodes;

var builder = DistributedApplication.CreateBuilder(args);

// Control plane: Konnect when a Konnect token is configured (user secret Parameters:konnect-token), otherwise
// open-source Kong 3.9 in hybrid mode on Postgres, the local stand-in for Konnect
IResourceBuilder<IKongControlPlaneResource> controlPlane = builder.HasKonnectToken("konnect-token")
    ? builder.AddKonnectControlPlane("kong", builder.AddParameter("konnect-token", secret: true))
    : builder.AddKongControlPlane("kong");

// Data planes: two Kong containers that take their config from the control plane; proxies on :18000 and :18001
builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2, proxyPort: 18000);

// Upstream services
var sampleService = builder.AddProject<Projects.SampleService>("sample-service")
    .WithHttpHealthCheck("/health");

// Gateway config: synced to the control plane (Admin API or Konnect) once it is up
controlPlane
    .WithRoute("/orders", sampleService, name: "orders", stripPath: false)
    .WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60, ["policy"] = "local" }, route: "orders");

// Publishing to Amazon EKS: `aspire publish` writes Kubernetes manifests (Kong Operator flavour; see the README)
builder.AddEksEnvironment("eks");

builder.Build().Run();
