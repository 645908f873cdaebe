using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Kubernetes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Commands.Konnect;
using KonnectAspire.Provisioner.Tests.Commands.LoadTest;
using KonnectAspire.TestSupport.Kubernetes;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

public sealed class DeployCommandTests : FakeClusterTests
{
    private const string AuthPath = "apis/konnect.konghq.com/v1alpha1/namespaces/kong/konnectapiauthconfigurations/konnect-auth";
    private const string ControlPlanePath = "apis/konnect.konghq.com/v1alpha2/namespaces/kong/konnectgatewaycontrolplanes/gateway";
    private const string DataPlanePath = "apis/gateway-operator.konghq.com/v1beta1/namespaces/kong/dataplanes/gateway";
    private const string IngressServicePath = "api/v1/namespaces/kong/services/proxy-gateway";

    [Fact]
    public async Task Deploy_applies_every_object_with_server_side_apply_as_the_provisioner_field_manager_with_force()
    {
        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(ExitCodes.Success, exit);
        var applies = Server.Requests.Where(r => r.IsApply).ToList();
        Assert.Equal(10, applies.Count);
        Assert.All(applies, r =>
        {
            Assert.Equal("application/apply-patch+yaml", r.ContentType);
            Assert.Equal(KonnectKubernetesNames.FieldManager, r.Query["fieldManager"]);
            Assert.Equal("true", r.Query["force"]);
            Assert.False(r.IsDryRun);
        });
    }

    [Fact]
    public async Task Deploy_applies_namespace_token_secret_then_the_kong_operator_chain_then_the_gateway_entities()
    {
        await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(
        [
            "api/v1/namespaces/kong",
            "api/v1/namespaces/kong/secrets/konnect-api-token",
            AuthPath,
            ControlPlanePath,
            "apis/konnect.konghq.com/v1alpha2/namespaces/kong/konnectextensions/gateway-extension",
            DataPlanePath,
            "apis/configuration.konghq.com/v1/namespaces/kong/kongplugins/rate-limiting",
            "apis/configuration.konghq.com/v1alpha1/namespaces/kong/kongservices/sample",
            "apis/configuration.konghq.com/v1alpha1/namespaces/kong/kongroutes/sample",
            "apis/configuration.konghq.com/v1alpha1/namespaces/kong/kongpluginbindings/sample-rate-limiting",
        ], Server.Requests.Where(r => r.IsApply).Select(r => r.Path));
    }

    [Fact]
    public async Task Deploy_takes_plural_names_and_scope_from_discovery_not_from_the_kind()
    {
        Server.Resources.RemoveAll(r => r.Kind == "DataPlane");
        Server.Resources.Add(new FakeApiResource("gateway-operator.konghq.com", "v1beta1", "DataPlane", "kodataplanes"));

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(Server.Requests, r => r.IsApply && r.Path == "apis/gateway-operator.konghq.com/v1beta1/namespaces/kong/kodataplanes/gateway");
        Assert.Contains(Server.Requests, r => r.Method == "GET" && r.Path == "apis/gateway-operator.konghq.com/v1beta1");
        Assert.Contains(Server.Requests, r => r.Method == "GET" && r.Path == "apis/konnect.konghq.com/v1alpha2");
    }

    [Fact]
    public async Task Deploy_creates_the_token_secret_labelled_for_the_kong_operator_and_never_prints_the_token()
    {
        await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait");

        var secret = Server.Get("api/v1/namespaces/kong/secrets/konnect-api-token")!;
        Assert.Equal(KonnectKubernetesNames.CredentialLabelValue, secret["metadata"]!["labels"]![KonnectKubernetesNames.CredentialLabel]!.GetValue<string>());
        Assert.Equal(Token, Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]![KonnectKubernetesNames.TokenKey]!.GetValue<string>())));
        Assert.DoesNotContain(Token, Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)), Cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_reads_the_token_from_a_file_when_given_one()
    {
        Cli.WithoutEnvironment(KonnectVerbCommand.TokenVariable);
        var tokenFile = Path.Combine(Cli.WorkingDirectory, "token");
        File.WriteAllText(tokenFile, "spat_fromafile0123456789\n");

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait", "--token-file", tokenFile);

        Assert.Equal(ExitCodes.Success, exit);
        var secret = Server.Get("api/v1/namespaces/kong/secrets/konnect-api-token")!;
        Assert.Equal("spat_fromafile0123456789", Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["token"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Deploy_without_a_token_names_the_fix_and_applies_nothing()
    {
        Cli.WithoutEnvironment(KonnectVerbCommand.TokenVariable);

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Set KONNECT_TOKEN or pass --token-file", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply);
    }

    [Fact]
    public async Task Deploy_refuses_a_token_that_is_not_a_konnect_token_without_echoing_it()
    {
        Cli.WithEnvironment(KonnectVerbCommand.TokenVariable, "ghp_notakonnecttoken");

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(ExitCodes.BadInput, exit);
        // The same message the konnect verbs give for the same token.
        Assert.Contains("The Konnect token in KONNECT_TOKEN does not start with kpat_ (personal access token) or spat_ (system account token)", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_notakonnecttoken", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply);
    }

    [Fact]
    public async Task Deploy_waits_through_each_status_transition_from_watch_events_then_sends_one_request_through_the_load_balancer()
    {
        await using var gateway = await KongStandIn.StartAsync();
        Server.WhenWatched("konnectapiauthconfigurations", () => Transitions(AuthPath, "Valid", ("False", "InvalidCredentials"), ("True", "Valid")));
        Server.WhenWatched("konnectgatewaycontrolplanes", () => Transitions(ControlPlanePath, "Programmed", ("False", "Pending"), ("True", "Programmed")));
        Server.WhenWatched("dataplanes", () => Transitions(DataPlanePath, "Ready", ("False", "WaitingToBecomeReady"), ("True", "Ready")));
        Server.WhenWatched("proxy-gateway", () =>
        {
            Server.Seed(IngressServicePath, IngressService(gateway.BaseAddress.Port));
            Server.SetStatus(IngressServicePath, new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = "127.0.0.1" }) } });
            return Task.CompletedTask;
        });

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--timeout", "60s");

        Assert.True(exit == ExitCodes.Success, Cli.Transcript);
        Assert.Contains("Valid=False InvalidCredentials", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("Programmed=False Pending", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("Ready=False WaitingToBecomeReady", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("has load balancer 127.0.0.1", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{gateway.BaseAddress.Port}/ answered 404 Not Found: {{\"message\":\"no Route matched with those values\"}}", Cli.Transcript, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Requests);
        foreach (var plural in new[] { "konnectapiauthconfigurations", "konnectgatewaycontrolplanes", "dataplanes", "services" })
        {
            Assert.Contains(Server.Requests, r => r.IsWatch && r.Path.EndsWith(plural, StringComparison.Ordinal));
            Assert.Single(Server.Requests, r => r.Method == "GET" && !r.IsWatch && r.Path.EndsWith(plural, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Deploy_that_times_out_says_what_it_waited_for_and_how_far_it_got()
    {
        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--timeout", "2s");

        Assert.Equal(ExitCodes.Timeout, exit);
        Assert.Contains("Timed out after 2s waiting for KonnectAPIAuthConfiguration kong/konnect-auth Valid", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("no Valid condition yet", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("ENABLE_CONTROLLER_KONNECT=true", Cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_stops_at_an_object_the_api_server_rejects_and_shows_the_servers_message()
    {
        Server.Refuse = r => r.IsApply && r.Path.Contains("/dataplanes/", StringComparison.Ordinal)
            ? (HttpStatusCode.UnprocessableEntity, "Invalid", "DataPlane.gateway-operator.konghq.com \"gateway\" is invalid: spec: Invalid value: \"object\": replicas and scaling are mutually exclusive")
            : null;

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(ExitCodes.ApplyRejected, exit);
        Assert.Contains("The API server rejected DataPlane kong/gateway from dataplane.yaml document 1 (422 Invalid)", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("replicas and scaling are mutually exclusive", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply && r.Path.Contains("kongplugins", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_run_again_after_an_interrupted_run_completes_it_and_a_third_run_changes_nothing()
    {
        var output = Cli.PublishOutput("operator");
        Server.Refuse = r => r.IsApply && r.Path.Contains("/kongservices/", StringComparison.Ordinal) ? (HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "etcdserver: request timed out") : null;
        Assert.Equal(ExitCodes.ApplyRejected, await Cli.InvokeAsync("deploy", output, "--no-wait"));
        Assert.Null(Server.Get("apis/configuration.konghq.com/v1alpha1/namespaces/kong/kongroutes/sample"));

        Server.Refuse = null;
        Assert.Equal(ExitCodes.Success, await Cli.InvokeAsync("deploy", output, "--no-wait"));
        Assert.Equal(ExitCodes.Success, await Cli.InvokeAsync("deploy", output, "--no-wait"));

        Assert.NotNull(Server.Get("apis/configuration.konghq.com/v1alpha1/namespaces/kong/kongroutes/sample"));
        Assert.Equal(1, Server.Get(DataPlanePath)!["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(1, Server.Get(ControlPlanePath)!["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Deploy_of_the_plain_flavour_creates_certificate_secret_and_endpoints_from_konnect_up_files_and_waits_for_the_rollout()
    {
        await using var gateway = await KongStandIn.StartAsync();
        var certificates = ClusterCertificateFiles.Write(Cli.KonnectRoot);
        const string deployment = "apis/apps/v1/namespaces/kong/deployments/kong-dp";
        Server.WhenWatched("deployments", () =>
        {
            Server.SetStatus(deployment, new JsonObject { ["observedGeneration"] = 1, ["replicas"] = 1, ["updatedReplicas"] = 1, ["availableReplicas"] = 0 });
            Server.SetStatus(deployment, new JsonObject { ["observedGeneration"] = 1, ["replicas"] = 1, ["updatedReplicas"] = 1, ["availableReplicas"] = 1 });
            return Task.CompletedTask;
        });
        Server.WhenWatched("kong-proxy", () =>
        {
            Server.SetStatus("api/v1/namespaces/kong/services/kong-proxy", new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = "127.0.0.1" }) } });
            return Task.CompletedTask;
        });

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("plain", gateway.BaseAddress.Port), "--namespace", "kong", "--cluster-cert-dir", certificates.Directory, "--timeout", "60s");

        Assert.True(exit == ExitCodes.Success, Cli.Transcript);
        Assert.Equal("api/v1/namespaces/kong", Server.Requests.First(r => r.IsApply).Path);
        var secret = Server.Get("api/v1/namespaces/kong/secrets/kong-cluster-cert")!;
        Assert.Equal("kubernetes.io/tls", secret["type"]!.GetValue<string>());
        Assert.Equal(certificates.Key, Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["tls.key"]!.GetValue<string>())));
        var endpoints = Server.Get("api/v1/namespaces/kong/configmaps/konnect-endpoints")!;
        Assert.Equal("abc123.us.cp.konghq.com:443", endpoints["data"]!["KONG_CLUSTER_CONTROL_PLANE"]!.GetValue<string>());
        Assert.Contains("0 of 1 updated replicas available", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("Deployment kong/kong-dp: 1/1 replicas available", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", Cli.Transcript, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Requests);
    }

    [Fact]
    public async Task Deploy_of_the_plain_flavour_without_the_konnect_up_files_names_the_option()
    {
        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("plain"), "--namespace", "kong", "--no-wait");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"pass --cluster-cert-dir <folder> with the files `provisioner konnect up` wrote (none found under {Cli.KonnectRoot}, its default --output).", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply);
    }

    [Fact]
    public async Task Deploy_of_the_plain_flavour_finds_the_folder_konnect_up_wrote_by_default()
    {
        ClusterCertificateFiles.Write(Path.Combine(Cli.KonnectRoot, "konnectaspire"));

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("plain"), "--namespace", "kong", "--no-wait");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.NotNull(Server.Get("api/v1/namespaces/kong/secrets/kong-cluster-cert"));
        Assert.NotNull(Server.Get("api/v1/namespaces/kong/configmaps/konnect-endpoints"));
    }

    [Fact]
    public async Task Deploy_refuses_a_namespace_option_that_contradicts_the_manifests()
    {
        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--namespace", "other", "--no-wait");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("is in namespace kong, but --namespace says other", Cli.Transcript, StringComparison.Ordinal);
    }

    private async Task Transitions(string path, string condition, params (string Status, string Reason)[] steps)
    {
        foreach (var (status, reason) in steps)
        {
            Server.SetStatus(path, new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = condition,
                    ["status"] = status,
                    ["reason"] = reason,
                    ["observedGeneration"] = 1,
                }),
            });
            await Task.Yield();
        }
    }

    private static JsonObject IngressService(int port) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject
        {
            ["name"] = "proxy-gateway",
            ["namespace"] = "kong",
            ["labels"] = new JsonObject { ["gateway-operator.konghq.com/dataplane-service-type"] = "ingress" },
            ["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "DataPlane", ["name"] = "gateway" }),
        },
        ["spec"] = new JsonObject
        {
            ["type"] = "LoadBalancer",
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = port, ["targetPort"] = 8000 }),
        },
    };
}
