using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway.Ai;

var builder = DistributedApplication.CreateBuilder(args);
var choices = ReferenceArchitectureChoices.Read(builder.Configuration);   // ControlPlane: local|konnect, Llm: stand-in|openai

// Control plane: open-source Kong 3.9 in hybrid mode on Postgres, the local stand-in for Konnect; or, with
// ControlPlane=konnect, a Konnect control plane (token in the secret parameter konnect-token)
IResourceBuilder<IKongControlPlaneResource> controlPlane = choices.UseKonnect
    ? builder.AddKonnectControlPlane("kong", builder.AddParameter("konnect-token", secret: true))
    : builder.AddKongControlPlane("kong");

// Data planes: two Kong containers that take their config from the control plane; proxies on :18000 and :18001
var dataPlanes = builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2, proxyPort: 18000);

// Upstream services
var sampleService = builder.AddProject<Projects.SampleService>("sample-service")
    .WithHttpHealthCheck("/health");

// Gateway config: synced to the control plane (Admin API or Konnect) once it is up
controlPlane
    .WithRoute("/orders", sampleService, name: "orders", stripPath: false)
    .WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60, ["policy"] = "local" }, route: "orders");

// AI gateway: Kong's ai-proxy serves /llm, answered by the local LLM stand-in; or, with Llm=openai, by OpenAI
// (key in the secret parameter openai-api-key)
var llmStandIn = builder.AddProject<Projects.LlmStandIn>("llm-stand-in")
    .WithHttpHealthCheck("/health");
controlPlane.WithLlmRoute("/llm", LlmProviders.OpenAI, "gpt-4o-mini",
    standIn: choices.UseOpenAI ? null : llmStandIn,
    apiKey: choices.UseOpenAI ? builder.AddParameter("openai-api-key", secret: true) : null);
sampleService.WithLlmGateway(dataPlanes, "llm");   // POST /ask on the sample service asks the route through Kong
if (choices.UseKonnect)
{
    // Kong Enterprise's AI plugins, which Konnect's data planes run: a token budget per minute, and a semantic cache
    // on Redis Stack that answers repeated questions without calling the LLM
    controlPlane
        .WithAiRateLimiting("llm", new AiTokenLimit(10_000, TimeSpan.FromMinutes(1)))
        .WithSemanticCache("llm", builder.AddRedisStack("llm-cache"));
}

// Publishing to Amazon EKS: `aspire publish` writes Kubernetes manifests (Kong Operator flavour; see the README)
builder.AddEksEnvironment("eks");

builder.Build().Run();
