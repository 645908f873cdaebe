using KonnectAspire.Konnect.Api;

namespace KonnectAspire.Konnect.Tests.Api;

public sealed class KonnectClientOptionsTests
{
    private static readonly KonnectAccessToken Token = KonnectAccessToken.Parse("kpat_x1");

    [Theory]
    [InlineData(KonnectRegion.Us, "https://us.api.konghq.com/v2/")]
    [InlineData(KonnectRegion.Eu, "https://eu.api.konghq.com/v2/")]
    [InlineData(KonnectRegion.Au, "https://au.api.konghq.com/v2/")]
    [InlineData(KonnectRegion.Me, "https://me.api.konghq.com/v2/")]
    [InlineData(KonnectRegion.In, "https://in.api.konghq.com/v2/")]
    [InlineData(KonnectRegion.Sg, "https://sg.api.konghq.com/v2/")]
    public void Each_region_has_its_own_API_root(KonnectRegion region, string expected)
        => Assert.Equal(new Uri(expected), new KonnectClientOptions { Token = Token, Region = region }.ResolveBaseAddress());

    [Fact]
    public void A_base_address_overrides_the_region_and_keeps_its_path()
        => Assert.Equal(
            new Uri("http://127.0.0.1:4010/v2/"),
            new KonnectClientOptions { Token = Token, Region = KonnectRegion.Eu, BaseAddress = new Uri("http://127.0.0.1:4010/v2") }.ResolveBaseAddress());

    [Fact]
    public void Region_names_parse_in_any_case_and_unknown_ones_list_the_valid_names()
    {
        Assert.Equal(KonnectRegion.Sg, KonnectClientOptions.ParseRegion("SG"));
        var error = Assert.Throws<ArgumentException>(() => KonnectClientOptions.ParseRegion("mars"));
        Assert.Contains("us, eu, au, me, in, sg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_link_points_at_the_control_plane_in_its_region()
        => Assert.Equal(
            "https://cloud.konghq.com/eu/gateway-manager/7f9fd312-a987-4628-b4c5-bb4f4fddd5f7",
            new KonnectClientOptions { Token = Token, Region = KonnectRegion.Eu }
                .ControlPlaneConsoleAddress(Guid.Parse("7f9fd312-a987-4628-b4c5-bb4f4fddd5f7")).ToString());

    [Fact]
    public void Data_plane_endpoints_come_from_the_control_plane_config_on_port_443()
    {
        var endpoints = KonnectDataPlaneEndpoints.From(new KonnectControlPlane
        {
            Id = Guid.NewGuid(),
            Name = "demo",
            Config = new KonnectControlPlaneConfig
            {
                ControlPlaneEndpoint = new Uri("https://1a2b.us.cp.konghq.com"),
                TelemetryEndpoint = new Uri("https://1a2b.us.tp0.konghq.com"),
            },
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["KONG_CLUSTER_CONTROL_PLANE"] = "1a2b.us.cp.konghq.com:443",
                ["KONG_CLUSTER_SERVER_NAME"] = "1a2b.us.cp.konghq.com",
                ["KONG_CLUSTER_TELEMETRY_ENDPOINT"] = "1a2b.us.tp0.konghq.com:443",
                ["KONG_CLUSTER_TELEMETRY_SERVER_NAME"] = "1a2b.us.tp0.konghq.com",
            },
            endpoints.ToEnvironment());
    }
}
