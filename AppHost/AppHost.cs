using System.Text.Json.Nodes;

var builder = DistributedApplication.CreateBuilder(args);

// Control plane: open-source Kong 3.9 in hybrid mode on Postgres, the local stand-in for Konnect
var controlPlane = builder.AddKongControlPlane("kong");

// Data planes: two Kong containers that take their config from the control plane; proxies on :18000 and :18001
builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2, proxyPort: 18000);

// Upstream services
var sampleService = builder.AddProject<Projects.SampleService>("sample-service")
    .WithHttpHealthCheck("/health");

// Gateway config: synced through the control plane's Admin API once it is healthy
controlPlane
    .WithRoute("/orders", sampleService, name: "orders", stripPath: false)
    .WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60, ["policy"] = "local" }, route: "orders");

builder.Build().Run();
