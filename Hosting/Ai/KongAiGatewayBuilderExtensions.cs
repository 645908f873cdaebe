using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong;
using Aspire.Hosting.Kong.Ai;
using KonnectAspire.Konnect.Gateway.Ai;

namespace Aspire.Hosting;

/// <summary>
/// Kong's AI gateway on a control plane: LLM routes served by <c>ai-proxy</c> (OpenAI, Anthropic, Mistral, Amazon
/// Bedrock, or the local LLM stand-in), token rate limiting and a semantic cache. The plugin configs are computed
/// when they are synced or published, so credentials stay in secret parameters.
/// </summary>
public static class KongAiGatewayBuilderExtensions
{
    /// <summary>The largest <c>maxRequestBodySize</c> an LLM route takes: 64 MiB.</summary>
    public const int MaxRequestBodySizeLimit = 64 * 1024 * 1024;

    /// <summary>
    /// Serves <paramref name="path"/> on the data planes with Kong's <c>ai-proxy</c>: clients send OpenAI chat
    /// completions there, Kong adds the credential and forwards them to <paramref name="model"/> at
    /// <paramref name="provider"/>, or, when the AppHost passes <paramref name="standIn"/> instead of a key, to the
    /// local LLM stand-in, so the route works on a laptop with no provider key. Which one is the AppHost's choice: the
    /// library never switches because a secret happens to be set.
    /// </summary>
    /// <typeparam name="T">The control plane type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <param name="path">The path prefix, starting with '/'.</param>
    /// <param name="provider">openai, anthropic, mistral or bedrock (<see cref="LlmProviders"/>).</param>
    /// <param name="model">The provider's model name, e.g. <c>gpt-4o-mini</c>.</param>
    /// <param name="standIn">An OpenAI-compatible service (the LlmStandIn project) that serves the route instead of the provider.</param>
    /// <param name="apiKey">
    /// A secret parameter with the provider's API key (not for Bedrock). Published, the value stays out of the output:
    /// a vault reference to the Kubernetes Secret <c>kong-ai-credentials</c> takes its place.
    /// </param>
    /// <param name="awsAccessKeyId">For a local Bedrock run: a secret parameter with the AWS access key id.</param>
    /// <param name="awsSecretAccessKey">For a local Bedrock run: a secret parameter with the AWS secret access key.</param>
    /// <param name="awsRegion">The AWS region of a Bedrock model.</param>
    /// <param name="name">The route and service name; the path without slashes when null.</param>
    /// <param name="maxRequestBodySize">
    /// The largest request body in bytes (ai-proxy's <c>max_request_body_size</c>; the data planes' client body buffer
    /// grows to match); 1 MiB when null, 1 byte to 64 MiB.
    /// </param>
    /// <param name="maxTokens">
    /// The most tokens an answer may have when a request names no <c>max_tokens</c>; 4096 when null
    /// (<see cref="LlmModel.DefaultMaxTokens"/>), where Kong alone would cut answers at 256.
    /// </param>
    /// <returns>The control plane builder.</returns>
    /// <exception cref="ArgumentException">Unknown provider, missing model, Bedrock without a region, no way or two ways to serve the route.</exception>
    /// <remarks>
    /// A published Bedrock route always runs with the data planes' pod identity (EKS Pod Identity or IRSA on their
    /// service account): static AWS keys are for local runs only and are not published. In publish mode the secret
    /// parameters given here leave the model, so that Aspire never saves their values with its publish state; do not
    /// pass them to other resources.
    /// <code>
    /// var llm = builder.AddProject&lt;Projects.LlmStandIn&gt;("llm-stand-in");
    /// controlPlane.WithLlmRoute("/llm", LlmProviders.OpenAI, "gpt-4o-mini", standIn: llm);
    /// // or, to the provider:
    /// controlPlane.WithLlmRoute("/llm", LlmProviders.OpenAI, "gpt-4o-mini", apiKey: builder.AddParameter("openai-api-key", secret: true));
    /// </code>
    /// </remarks>
    public static IResourceBuilder<T> WithLlmRoute<T>(
        this IResourceBuilder<T> builder,
        string path,
        string provider,
        string model,
        IResourceBuilder<IResourceWithEndpoints>? standIn = null,
        IResourceBuilder<ParameterResource>? apiKey = null,
        IResourceBuilder<ParameterResource>? awsAccessKeyId = null,
        IResourceBuilder<ParameterResource>? awsSecretAccessKey = null,
        string? awsRegion = null,
        string? name = null,
        int? maxRequestBodySize = null,
        int? maxTokens = null)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(path);
        var bodyLimit = maxRequestBodySize ?? AiProxyPluginConfig.DefaultMaxRequestBodySize;
        if (bodyLimit is < 1 or > MaxRequestBodySizeLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxRequestBodySize),
                maxRequestBodySize,
                $"LLM route '{path}': maxRequestBodySize {bodyLimit} is outside 1 to {MaxRequestBodySizeLimit} bytes (every data plane keeps that much of a request in memory); pass a smaller size, or leave it out for 1 MiB.");
        }

        if (maxTokens is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens, $"LLM route '{path}': maxTokens {maxTokens} is below 1; pass the longest answer you want in tokens, or leave it out for {LlmModel.DefaultMaxTokens}.");
        }

        var llmModel = new LlmModel(provider, model) { AwsRegion = awsRegion, MaxTokens = maxTokens ?? LlmModel.DefaultMaxTokens };
        var bedrock = llmModel.Provider == LlmProviders.Bedrock;
        if (bedrock && string.IsNullOrWhiteSpace(awsRegion))
        {
            throw new ArgumentException($"Bedrock route '{path}' needs the AWS region of model '{llmModel.Name}': pass awsRegion (for example \"us-east-1\").", nameof(awsRegion));
        }

        var describe = $"LLM route '{path}' ({llmModel.Provider} {llmModel.Name})";
        if (bedrock ? apiKey is not null : awsAccessKeyId is not null || awsSecretAccessKey is not null)
        {
            throw new ArgumentException(
                bedrock
                    ? $"{describe} signs its requests with AWS keys, not an API key: pass awsAccessKeyId and awsSecretAccessKey (local runs), or none for the pod identity."
                    : $"{describe} takes an API key (apiKey), not AWS keys; those are for Bedrock.",
                bedrock ? nameof(apiKey) : nameof(awsAccessKeyId));
        }

        if (bedrock && (awsAccessKeyId is null) != (awsSecretAccessKey is null))
        {
            throw new ArgumentException($"{describe} needs both awsAccessKeyId and awsSecretAccessKey, or neither (the pod identity).", nameof(awsSecretAccessKey));
        }

        var credentials = new[] { apiKey, awsAccessKeyId, awsSecretAccessKey }.OfType<IResourceBuilder<ParameterResource>>().ToList();
        var application = builder.ApplicationBuilder;
        var publishing = application.ExecutionContext.IsPublishMode;
        if (standIn is not null && credentials.Count > 0)
        {
            throw new ArgumentException($"{describe} is given both a stand-in and a provider credential: pass standIn to serve it locally, or the credential to send it to {llmModel.Provider}, not both.", nameof(standIn));
        }

        // Published, Bedrock runs with the pod identity; locally it needs keys like every other provider.
        var podIdentity = bedrock && standIn is null && (publishing || credentials.Count == 0);
        if (standIn is null && credentials.Count == 0 && !podIdentity)
        {
            throw new ArgumentException(
                $"{describe} has neither a credential nor a stand-in: pass {(bedrock ? "awsAccessKeyId and awsSecretAccessKey" : "apiKey")} (e.g. builder.AddParameter(\"openai-api-key\", secret: true)), or standIn: the LLM stand-in project.",
                nameof(standIn));
        }

        if (publishing)
        {
            // Aspire saves every parameter value of a publish in plain text under ~/.aspire/deployments; the output
            // refers to the Secret kong-ai-credentials instead, so the parameters leave the model.
            foreach (var credential in credentials)
            {
                application.Resources.Remove(credential.Resource);
            }
        }

        var routeName = name ?? RouteName(path);
        KongLlmRouteAnnotation route;
        if (standIn is null)
        {
            route = new KongLlmRouteAnnotation
            {
                Name = routeName,
                Path = path,
                Model = llmModel,
                MaxRequestBodySize = bodyLimit,
                ApiKey = apiKey?.Resource,
                AwsAccessKeyId = podIdentity ? null : awsAccessKeyId?.Resource,
                AwsSecretAccessKey = podIdentity ? null : awsSecretAccessKey?.Resource,
            };
        }
        else
        {
            var endpoint = builder.WithRoute(path, standIn, routeName).Resource.Annotations.OfType<KongRouteAnnotation>().Last().Upstream;
            route = new KongLlmRouteAnnotation { Name = routeName, Path = path, Model = llmModel, StandIn = endpoint, MaxRequestBodySize = bodyLimit };
        }

        return builder
            .WithAnnotation(route)
            .WithPlugin(
                AiProxyPluginConfig.PluginName,
                async (context, cancellationToken) => (await KongAiPluginConfigs.AiProxyAsync(route, context, cancellationToken).ConfigureAwait(false)).ToJson(),
                route: routeName);
    }

    /// <summary>
    /// Limits the LLM tokens the route <paramref name="route"/> spends per window (Kong's
    /// <c>ai-rate-limiting-advanced</c>, counted per data plane node). Kong Enterprise only: refused on the
    /// open-source local control plane.
    /// </summary>
    /// <typeparam name="T">The control plane type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <param name="route">The name of a route added with <see cref="WithLlmRoute{T}"/>.</param>
    /// <param name="limits">One or more token budgets, each per window.</param>
    /// <returns>The control plane builder.</returns>
    /// <exception cref="InvalidOperationException">The control plane runs open-source Kong.</exception>
    /// <exception cref="ArgumentException">No such LLM route, or no limit.</exception>
    public static IResourceBuilder<T> WithAiRateLimiting<T>(this IResourceBuilder<T> builder, string route, params AiTokenLimit[] limits)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(limits);
        EnsureEnterprise(builder.Resource, AiRateLimitingPluginConfig.PluginName, nameof(WithAiRateLimiting));
        var llmRoute = LlmRoute(builder.Resource, route, nameof(WithAiRateLimiting));
        var config = KongAiPluginConfigs.RateLimiting(llmRoute, limits).ToJson();
        return builder.WithPlugin(AiRateLimitingPluginConfig.PluginName, config, route: llmRoute.Name);
    }

    /// <summary>
    /// Answers repeated questions on the LLM route <paramref name="route"/> from a semantic cache (Kong's
    /// <c>ai-semantic-cache</c>): Kong embeds each request with <paramref name="embeddingsModel"/> (at the route's
    /// provider, or the stand-in) and looks for a close one in <paramref name="vectorDatabase"/>. Kong Enterprise only:
    /// refused on the open-source local control plane.
    /// </summary>
    /// <typeparam name="T">The control plane type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <param name="route">The name of a route added with <see cref="WithLlmRoute{T}"/>.</param>
    /// <param name="vectorDatabase">A Redis with vector search, e.g. <c>builder.AddRedisStack("llm-cache")</c>.</param>
    /// <param name="embeddingsModel">The embeddings model.</param>
    /// <param name="dimensions">The size of its vectors.</param>
    /// <returns>The control plane builder.</returns>
    /// <exception cref="InvalidOperationException">The control plane runs open-source Kong.</exception>
    /// <exception cref="ArgumentException">No vector database, no such LLM route, or a route whose provider cannot embed.</exception>
    public static IResourceBuilder<T> WithSemanticCache<T>(
        this IResourceBuilder<T> builder,
        string route,
        IResourceBuilder<RedisResource> vectorDatabase,
        string embeddingsModel = "text-embedding-3-small",
        int dimensions = AiSemanticCachePluginConfig.DefaultDimensions)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        EnsureEnterprise(builder.Resource, AiSemanticCachePluginConfig.PluginName, nameof(WithSemanticCache));
        if (vectorDatabase is null)
        {
            throw new ArgumentException(
                $"The semantic cache of route '{route}' needs a vector database: pass a Redis with vector search, e.g. builder.AddRedisStack(\"llm-cache\").",
                nameof(vectorDatabase));
        }

        var llmRoute = LlmRoute(builder.Resource, route, nameof(WithSemanticCache));
        _ = new LlmModel(llmRoute.EmbeddingsProvider, embeddingsModel).ToEmbeddingsJson();
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);

        return builder.WithPlugin(
            AiSemanticCachePluginConfig.PluginName,
            async (context, cancellationToken) => (await KongAiPluginConfigs.SemanticCacheAsync(
                llmRoute, vectorDatabase.Resource, embeddingsModel, dimensions, context, cancellationToken).ConfigureAwait(false)).ToJson(),
            route: llmRoute.Name);
    }

    /// <summary>
    /// Tells a service where to ask the LLM route <paramref name="route"/>: <c>LlmGateway__Endpoint</c> (the route on
    /// the gateway's proxy: locally the first data plane's, e.g. <c>http://localhost:18000/llm</c>; published, the
    /// group's proxy Service in the cluster) and <c>LlmGateway__Model</c> (the route's model, which Kong's ai-proxy
    /// requires the client to ask for).
    /// </summary>
    /// <typeparam name="T">The service's resource type.</typeparam>
    /// <param name="builder">The service that calls the LLM route.</param>
    /// <param name="dataPlanes">The data plane group serving the route.</param>
    /// <param name="route">The name of a route added with <see cref="WithLlmRoute{T}"/>.</param>
    /// <returns>The service builder.</returns>
    /// <exception cref="ArgumentException">The data planes' control plane has no such LLM route.</exception>
    public static IResourceBuilder<T> WithLlmGateway<T>(this IResourceBuilder<T> builder, IResourceBuilder<KongDataPlaneResource> dataPlanes, string route)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataPlanes);
        var llmRoute = LlmRoute(dataPlanes.Resource.ControlPlane, route, nameof(WithLlmGateway));
        var group = dataPlanes.Resource;
        return builder
            .WithReferenceRelationship(group)
            .WithEnvironment("LlmGateway__Model", llmRoute.Model.Name)
            .WithEnvironment(context =>
            {
                if (group.InstanceResources.Count > 0 && !KongDataPlaneBuilderExtensions.GatewayInstances(context, group).Contains(group.InstanceResources[0]))
                {
                    return;
                }

                context.EnvironmentVariables["LlmGateway__Endpoint"] = ReferenceExpression.Create($"{group.ProxyEndpoint.Property(EndpointProperty.Url)}{llmRoute.Path}");
            });
    }

    private static void EnsureEnterprise(IKongControlPlaneResource controlPlane, string plugin, string method)
    {
        if (controlPlane.Edition == KongEdition.OpenSource)
        {
            throw new InvalidOperationException(
                $"{method} needs Kong's '{plugin}' plugin, which exists only in Kong Enterprise, but control plane '{controlPlane.Name}' runs open-source Kong " +
                $"{KongContainerImageTags.Tag}. Use Konnect mode (a Konnect control plane, whose data planes run Kong Enterprise), or leave {method} out locally; " +
                "the LLM route itself (ai-proxy) works on open-source Kong.");
        }
    }

    private static KongLlmRouteAnnotation LlmRoute(IKongControlPlaneResource controlPlane, string route, string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        return controlPlane.Annotations.OfType<KongLlmRouteAnnotation>().LastOrDefault(r => r.Name == route)
            ?? throw new ArgumentException(
                $"{method}: control plane '{controlPlane.Name}' has no LLM route named '{route}'; add it first with WithLlmRoute (its name is the path without slashes unless given).",
                nameof(route));
    }

    private static string RouteName(string path)
    {
        var name = string.Join('-', path.Split('/', StringSplitOptions.RemoveEmptyEntries)).Trim('~');
        return name.Length == 0 ? "llm" : name;
    }
}
