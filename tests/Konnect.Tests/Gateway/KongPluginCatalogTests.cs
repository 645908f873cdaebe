using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Tests.Gateway;

/// <summary>
/// What a user sees of the plugin catalogue: the check that names a plugin an edition does not bundle, with the nearest
/// bundled names, and agreement with Kong's published plugin schemas about which edition ships a plugin.
/// </summary>
public sealed class KongPluginCatalogTests
{
    private const string Edition = "the edition";

    [Theory]
    [InlineData("rate-limitng", false, "did you mean 'rate-limiting'?")]
    [InlineData("ratelimiting", false, "did you mean 'rate-limiting'")]
    [InlineData("key_auth", false, "did you mean 'key-auth'")]
    [InlineData("Rate-Limiting", false, "did you mean 'rate-limiting'")] // Kong's plugin names are case-sensitive.
    [InlineData("rate-limiting-advnced", true, "did you mean 'rate-limiting-advanced'")]
    [InlineData("acme-corp-audit-trail", true, "no bundled plugin has a similar name. Check the plugin's name.")]
    public void A_plugin_the_edition_does_not_bundle_is_named_with_the_nearest_bundled_names(string name, bool enterprise, string expected)
    {
        var problem = Assert.Single(GatewayConfigurationValidator.FindUnbundledPlugins(With(name), enterprise, Edition));

        Assert.StartsWith($"Plugin '{name}' is not a plugin {Edition} bundles; ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Enterprise_only_plugins_are_suggested_to_enterprise_data_planes_only()
    {
        var typo = With("openid-conect");

        Assert.DoesNotContain("'openid-connect'", Assert.Single(GatewayConfigurationValidator.FindUnbundledPlugins(typo, enterprise: false, Edition)), StringComparison.Ordinal);
        Assert.Contains("did you mean 'openid-connect'", Assert.Single(GatewayConfigurationValidator.FindUnbundledPlugins(typo, enterprise: true, Edition)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bundled_plugins_pass_and_enterprise_only_ones_are_left_to_the_caller_whose_fix_differs(bool enterprise)
    {
        var configuration = With("rate-limiting", "opentelemetry", "ai-proxy", "redirect", "openid-connect", "ai-rate-limiting-advanced");

        Assert.Empty(GatewayConfigurationValidator.FindUnbundledPlugins(configuration, enterprise, Edition));
    }

    [Fact]
    public void A_name_is_reported_once_however_many_scopes_use_it()
    {
        var configuration = With("rate-limitng");
        configuration.Plugins.Add(new GatewayPlugin { Name = "rate-limitng", Route = "orders" });

        Assert.Single(GatewayConfigurationValidator.FindUnbundledPlugins(configuration, enterprise: false, Edition));
    }

    /// <summary>
    /// Kong's published schemas (Contracts/kong-ai, see SOURCE.md there, and the shared opentelemetry field list of
    /// Kong 3.9.3): a plugin with a 3.9 open-source schema ships with <c>kong:3.9</c>; one published only for Kong
    /// Enterprise 3.10 does not.
    /// </summary>
    public static TheoryData<string, bool> PublishedSchemas()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Contracts", "kong-ai");
        var plugins = Directory.EnumerateFiles(folder, "*-3.*.tsv")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(file => file![..file!.LastIndexOf('-')])
            .Distinct(StringComparer.Ordinal)
            .Select(plugin => (plugin, openSource: File.Exists(Path.Combine(folder, $"{plugin}-3.9.tsv"))))
            .Append(("opentelemetry", true));
        var data = new TheoryData<string, bool>();
        foreach (var (plugin, openSource) in plugins)
        {
            data.Add(plugin, openSource);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedSchemas))]
    public void Each_plugin_with_a_published_schema_is_bundled_by_the_edition_the_schema_was_published_for(string plugin, bool openSource)
    {
        Assert.Equal(openSource, KongPluginCatalog.IsOpenSourceBundled(plugin));
        Assert.Equal(!openSource, KongPluginCatalog.IsEnterpriseOnly(plugin));
        Assert.True(KongPluginCatalog.IsBundled(plugin, enterprise: true));
        Assert.Equal(openSource, KongPluginCatalog.IsBundled(plugin, enterprise: false));
    }

    private static GatewayConfiguration With(params string[] plugins)
        => new() { Plugins = [.. plugins.Select(name => new GatewayPlugin { Name = name })] };
}
