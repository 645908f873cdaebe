using KonnectAspire.Konnect.Api;
using KonnectAspire.TestSupport.Kong;

namespace KonnectAspire.Konnect.Tests.Api;

public sealed class KonnectDataPlaneEnvironmentTests
{
    private static readonly KonnectDataPlaneEndpoints Endpoints = new("1a2b.us.cp.konghq.com", 443, "1a2b.us.tp0.konghq.com", 443);

    [Fact]
    public void The_environment_is_the_Konnect_data_plane_environment_of_the_kong_facts()
    {
        var environment = KonnectDataPlaneEnvironment.Create(Endpoints, "/etc/secrets/kong-cluster-cert/tls.crt", "/etc/secrets/kong-cluster-cert/tls.key");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["KONG_ROLE"] = "data_plane",
                ["KONG_DATABASE"] = "off",
                ["KONG_KONNECT_MODE"] = "on",
                ["KONG_CLUSTER_MTLS"] = "pki",
                ["KONG_CLUSTER_CONTROL_PLANE"] = "1a2b.us.cp.konghq.com:443",
                ["KONG_CLUSTER_SERVER_NAME"] = "1a2b.us.cp.konghq.com",
                ["KONG_CLUSTER_TELEMETRY_ENDPOINT"] = "1a2b.us.tp0.konghq.com:443",
                ["KONG_CLUSTER_TELEMETRY_SERVER_NAME"] = "1a2b.us.tp0.konghq.com",
                ["KONG_CLUSTER_CERT"] = "/etc/secrets/kong-cluster-cert/tls.crt",
                ["KONG_CLUSTER_CERT_KEY"] = "/etc/secrets/kong-cluster-cert/tls.key",
                ["KONG_LUA_SSL_TRUSTED_CERTIFICATE"] = "system",
            },
            environment);
    }

    [Fact]
    public void Every_variable_is_a_property_Kong_Enterprise_reads()
    {
        var environment = KonnectDataPlaneEnvironment.Create(Endpoints, "cert", "key", new Dictionary<string, string> { ["env"] = "dev" });

        Assert.All(environment.Keys, name =>
        {
            Assert.StartsWith("KONG_", name, StringComparison.Ordinal);
            Assert.True(KongConfProperties.PropertyOf(name, enterprise: true) is not null, $"{name} is not a Kong Enterprise property, so Kong would ignore it");
        });
        Assert.Equal("env:dev", environment["KONG_CLUSTER_DP_LABELS"]);
    }
}
