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

    [Theory]
    [InlineData("rate-limitng", false, "rate-limiting")]
    [InlineData("ratelimiting", false, "rate-limiting")]
    [InlineData("rate-limiting-advnced", true, "rate-limiting-advanced")]
    [InlineData("key_auth", false, "key-auth")]
    public void The_nearest_bundled_name_comes_first(string typo, bool enterprise, string expected) =>
        Assert.Equal(expected, KongPluginCatalog.Nearest(typo, enterprise)[0]);

    [Fact]
    public void Enterprise_plugins_are_bundled_only_for_Enterprise()
    {
        Assert.False(KongPluginCatalog.IsBundled("openid-connect", enterprise: false));
        Assert.True(KongPluginCatalog.IsBundled("openid-connect", enterprise: true));
        Assert.True(KongPluginCatalog.IsBundled("cors", enterprise: false));
        Assert.DoesNotContain("openid-connect", KongPluginCatalog.Nearest("openid-conect", enterprise: false));
    }
}
