namespace Aspire.Hosting.Kong;

/// <summary>The Redis Stack image the semantic cache's vector database runs (Redis with the search module).</summary>
internal static class RedisStackContainerImageTags
{
    /// <summary>docker.io</summary>
    public const string Registry = "docker.io";

    /// <summary>redis/redis-stack-server: Redis Stack without RedisInsight.</summary>
    public const string Image = "redis/redis-stack-server";

    /// <summary>7.4.0-v8</summary>
    public const string Tag = "7.4.0-v8";
}
