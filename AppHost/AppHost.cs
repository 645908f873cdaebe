var builder = DistributedApplication.CreateBuilder(args);

// Upstream services
var sampleService = builder.AddProject<Projects.SampleService>("sample-service")
    .WithHttpHealthCheck("/health");

builder.Build().Run();
