using System.Text.Json.Nodes;

// Benchmark:Mode=kong: the Kong integration (control plane, 5 data-plane groups, 50 routes with a plugin each) published
// to EKS. Benchmark:Mode=bare: the same resources as plain Aspire containers, no Kong integration, Aspire's default
// publish. Benchmark:Mode=eks: those plain containers published by the EKS environment (KubernetesYaml, no Kong).
const int Groups = 5;
const int Routes = 50;

var builder = DistributedApplication.CreateBuilder(args);
var mode = builder.Configuration["Benchmark:Mode"] ?? "kong";

var sampleService = builder.AddProject<Projects.SampleService>("sample-service")
    .WithHttpHealthCheck("/health");

if (mode == "kong")
{
    builder.AddEksEnvironment("eks");
    var controlPlane = builder.AddKongControlPlane("kong");
    for (var group = 1; group <= Groups; group++)
    {
        builder.AddKongDataPlane($"kong-dp-{group}", controlPlane, instances: 2);
    }

    for (var route = 1; route <= Routes; route++)
    {
        controlPlane
            .WithRoute($"/route-{route}", sampleService, name: $"route-{route}")
            .WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60 + route, ["policy"] = "local" }, route: $"route-{route}");
    }
}
else
{
    if (mode == "eks")
    {
        builder.AddEksEnvironment("eks");
    }

    var database = builder.AddContainer("kong-postgres", "postgres", "17.2").WithEndpoint(targetPort: 5432, name: "tcp", scheme: "tcp");
    builder.AddContainer("kong", "kong", "3.9.3").WithHttpEndpoint(targetPort: 8001, name: "admin").WaitFor(database);
    for (var group = 1; group <= Groups; group++)
    {
        for (var instance = 1; instance <= 2; instance++)
        {
            builder.AddContainer($"kong-dp-{group}-{instance}", "kong", "3.9.3").WithHttpEndpoint(targetPort: 8000, name: "proxy");
        }
    }
}

builder.Build().Run();
