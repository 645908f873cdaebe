using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace KonnectAspire.SampleService;

/// <summary>
/// POST /ask: asks the LLM route of the Kong gateway with Microsoft.Extensions.AI (an IChatClient over the OpenAI
/// client pointed at the gateway), so one trace shows this service, Kong's ai-proxy and the LLM behind it.
/// </summary>
internal static class AiEndpoints
{
    /// <summary>The LLM route on a Kong data plane, e.g. http://localhost:18000/llm; the AppHost sets it.</summary>
    public const string GatewayEndpointKey = "LlmGateway:Endpoint";

    /// <summary>The model to ask for; it must be the route's model, since Kong's ai-proxy refuses others.</summary>
    public const string ModelKey = "LlmGateway:Model";

    public const string DefaultModel = "gpt-4o-mini";

    /// <summary>Named HttpClient, so the service defaults (tracing, resilience) apply to calls to the gateway.</summary>
    public const string HttpClientName = "llm-gateway";

    // Kong adds the provider credential; the OpenAI client insists on some key, which the gateway does not read.
    private const string PlaceholderKey = "kong-adds-the-credential";

    public static WebApplication MapAiEndpoints(this WebApplication app)
    {
        app.MapPost("/ask", AskAsync);
        return app;
    }

    private static async Task<IResult> AskAsync(
        AskRequest request,
        IConfiguration configuration,
        IHttpClientFactory httpClients,
        IHostEnvironment environment,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            return Results.Problem(
                title: "A question is required",
                detail: "Send a JSON body like {\"question\": \"What is Kong?\"}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (!Uri.TryCreate(configuration[GatewayEndpointKey], UriKind.Absolute, out var endpoint))
        {
            return Results.Problem(
                title: "The LLM gateway is not configured",
                detail: $"Set {GatewayEndpointKey} to the LLM route on a Kong data plane (the AppHost does), e.g. http://localhost:18000/llm.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        using var chat = ChatClient(endpoint, configuration[ModelKey] ?? DefaultModel, httpClients.CreateClient(HttpClientName), environment, loggers);
        try
        {
            var response = await chat.GetResponseAsync(request.Question, cancellationToken: cancellationToken);
            return Results.Ok(new
            {
                answer = response.Text,
                model = response.ModelId,
                usage = new
                {
                    inputTokens = response.Usage?.InputTokenCount,
                    outputTokens = response.Usage?.OutputTokenCount,
                    totalTokens = response.Usage?.TotalTokenCount,
                },
            });
        }
        catch (ClientResultException ex)
        {
            // Kong's own refusals (429 from AI rate limiting, 4xx/5xx from ai-proxy) are passed on with their status.
            return Results.Problem(
                title: "The LLM gateway refused the question",
                detail: ex.Message,
                statusCode: ex.Status is >= 400 and < 600 ? ex.Status : StatusCodes.Status502BadGateway);
        }
    }

    private static IChatClient ChatClient(Uri endpoint, string model, HttpClient http, IHostEnvironment environment, ILoggerFactory loggers)
    {
        var options = new OpenAIClientOptions { Endpoint = endpoint, Transport = new HttpClientPipelineTransport(http) };
        return new OpenAIClient(new ApiKeyCredential(PlaceholderKey), options)
            .GetChatClient(model)
            .AsIChatClient()
            .AsBuilder()
            // Spans under this service's own source name, which the service defaults already export.
            .UseOpenTelemetry(loggers, sourceName: environment.ApplicationName)
            .Build();
    }
}
