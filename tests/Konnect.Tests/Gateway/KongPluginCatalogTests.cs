using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Tests.Gateway;

public sealed class KongPluginCatalogTests
{
    [Theory]
    [InlineData("rate-limiting-advanced")]
    [InlineData("openid-connect")]
    [InlineData("ai-rate-limiting-advanced")]
    [InlineData("ai-semantic-cache")]
    [InlineData("ai-proxy-advanced")]
    public void Enterprise_plugins_are_enterprise_only(string name)
    {
        Assert.True(KongPluginCatalog.IsEnterpriseOnly(name));
        Assert.False(KongPluginCatalog.IsOpenSourceBundled(name));
    }

    [Theory]
    [InlineData("rate-limiting")]
    [InlineData("opentelemetry")]
    [InlineData("ai-proxy")]
    [InlineData("redirect")]
    [InlineData("standard-webhooks")]
    public void Open_source_3_9_plugins_are_bundled_and_not_enterprise_only(string name)
    {
        Assert.True(KongPluginCatalog.IsOpenSourceBundled(name));
        Assert.False(KongPluginCatalog.IsEnterpriseOnly(name));
    }

    [Theory]
    [InlineData("my-custom-plugin")]
    [InlineData("Rate-Limiting")]
    public void Unknown_plugins_are_in_neither_list(string name)
    {
        Assert.False(KongPluginCatalog.IsOpenSourceBundled(name));
        Assert.False(KongPluginCatalog.IsEnterpriseOnly(name));
    }
}
