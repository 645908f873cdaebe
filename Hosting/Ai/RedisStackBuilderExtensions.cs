using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong;

namespace Aspire.Hosting;

/// <summary>Adds Redis Stack, the vector database of Kong's semantic cache, to the application model.</summary>
public static class RedisStackBuilderExtensions
{
    /// <summary>
    /// Adds Redis Stack (<c>redis/redis-stack-server</c>: Redis with the search module Kong's semantic cache needs) as an
    /// Aspire Redis resource: same endpoint, password parameter, health check and connection string as
    /// <c>AddRedis</c>.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="port">The host port, or a random one when null.</param>
    /// <returns>The Redis resource builder.</returns>
    /// <remarks>
    /// <code>
    /// var vectors = builder.AddRedisStack("llm-cache");
    /// controlPlane.WithSemanticCache("llm", vectors);
    /// </code>
    /// </remarks>
    public static IResourceBuilder<RedisResource> AddRedisStack(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var redis = builder.AddRedis(name, port)
            .WithImage(RedisStackContainerImageTags.Image, RedisStackContainerImageTags.Tag)
            .WithImageRegistry(RedisStackContainerImageTags.Registry)
            // The image's own entrypoint loads the modules; AddRedis runs a bare redis-server, which would not.
            .WithEntrypoint("/entrypoint.sh")
            .WithArgs(context => context.Args.Clear())
            // Kong's semantic cache connects in plain TCP; the image's entrypoint would not apply Aspire's TLS arguments.
            .WithoutHttpsCertificate();
        if (redis.Resource.PasswordParameter is { } password)
        {
            redis.WithEnvironment("REDIS_ARGS", ReferenceExpression.Create($"--requirepass {password}"));
        }

        return redis;
    }
}
