using System.Diagnostics;
using Aspire.Hosting.Testing;
using KonnectAspire.TestSupport.Infrastructure;

namespace KonnectAspire.AppHost.Tests;

public sealed class AppHostKonnectModeTests : IDisposable
{
    private readonly TemporaryFolder _certificates = new("konnectaspire-apphost-tests");

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task With_ControlPlane_konnect_the_control_plane_is_Konnect_and_the_data_planes_run_Kong_Gateway()
    {
        await using var builder = await AppHost(AppHostArguments.KonnectMode);

        var controlPlane = Assert.IsType<KonnectControlPlaneResource>(Resource(builder, "kong"));
        Assert.Equal((KongEdition.Enterprise, "kong"), (controlPlane.Edition, controlPlane.ControlPlaneName));
        var dataPlanes = Assert.IsType<KongDataPlaneResource>(Resource(builder, "kong-dp"));
        Assert.Same(controlPlane, dataPlanes.ControlPlane);
        Assert.All(dataPlanes.InstanceResources, instance =>
        {
            Assert.True(instance.TryGetContainerImageName(out var image));
            Assert.Equal("docker.io/kong/kong-gateway:3.10.0.1", image);
        });
        Assert.DoesNotContain(builder.Resources, resource => resource is PostgresServerResource || resource.Name == "kong-migrations");
        Assert.Single(controlPlane.Annotations.OfType<KongRouteAnnotation>(), route => route.Name == "orders");
        Assert.Single(controlPlane.Annotations.OfType<KongPluginAnnotation>(), plugin => plugin.Route == "orders");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Only_in_Konnect_mode_the_llm_route_gets_the_enterprise_token_budget_and_semantic_cache(bool konnect)
    {
        await using var builder = await AppHost(konnect ? AppHostArguments.KonnectMode : [AppHostArguments.LocalMode]);

        var plugins = Resource(builder, "kong").Annotations.OfType<KongPluginAnnotation>().Where(plugin => plugin.Route == "llm").Select(plugin => plugin.Name).Order();
        Assert.Equal(konnect ? ["ai-proxy", "ai-rate-limiting-advanced", "ai-semantic-cache"] : ["ai-proxy"], plugins);
        Assert.Equal(konnect, builder.Resources.Any(resource => resource is RedisResource { Name: "llm-cache" }));
    }

    [Fact]
    public async Task In_Konnect_mode_the_data_planes_get_the_Konnect_settings_and_never_the_token()
    {
        await using var builder = await AppHost(AppHostArguments.KonnectMode);
        // The builder's own context: an app built and never started waits out the host's 30 s shutdown timeout on dispose
        // (Aspire's DCP executor retries its cleanup against an API server that never came up).
        var executionContext = builder.ExecutionContext;

        foreach (var instance in Assert.IsType<KongDataPlaneResource>(Resource(builder, "kong-dp")).InstanceResources)
        {
            var context = new EnvironmentCallbackContext(executionContext, resource: instance);
            foreach (var callback in instance.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(context);
            }

            var environment = context.EnvironmentVariables;
            foreach (var variable in new[] { "KONG_KONNECT_MODE", "KONG_CLUSTER_MTLS", "KONG_CLUSTER_CONTROL_PLANE", "KONG_CLUSTER_SERVER_NAME", "KONG_CLUSTER_TELEMETRY_ENDPOINT", "KONG_CLUSTER_TELEMETRY_SERVER_NAME", "KONG_CLUSTER_CERT", "KONG_CLUSTER_CERT_KEY" })
            {
                Assert.IsAssignableFrom<IValueProvider>(environment[variable]);
            }

            Assert.DoesNotContain(environment.Values, value => value is ParameterResource || (value.ToString() ?? "").Contains(AppHostArguments.Token, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_Konnect_token_in_configuration_does_not_switch_the_AppHost_to_Konnect_by_itself()
    {
        await using var builder = await AppHost($"Parameters:konnect-token={AppHostArguments.Token}");

        Assert.IsType<KongControlPlaneResource>(Resource(builder, "kong"));
        Assert.DoesNotContain(builder.Resources, resource => resource is ParameterResource parameter && parameter.Name == "konnect-token");
    }

    [Fact]
    public async Task An_unknown_control_plane_choice_is_refused_naming_the_values()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AppHost("ControlPlane=konect"));

        var message = error.InnerException?.Message ?? error.Message;
        Assert.Contains("AppHost setting ControlPlane is 'konect'; use 'local' (the default) or 'konnect'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_AppHost_process_given_an_unknown_choice_prints_one_error_line_and_exits_1()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "KonnectAspire.AppHost.dll"), "ControlPlane=konect" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(
            ["error: AppHost setting ControlPlane is 'konect'; use 'local' (the default) or 'konnect', e.g. dotnet user-secrets set ControlPlane konnect --project AppHost."],
            (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task A_malformed_token_stops_the_AppHost_before_anything_starts()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AppHost("ControlPlane=konnect", "Parameters:konnect-token=not-a-konnect-token"));

        var message = error is DistributedApplicationException ? error.Message : error.InnerException?.Message ?? error.Message;
        Assert.Contains("does not start with kpat_", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-konnect-token", error.ToString(), StringComparison.Ordinal);
    }

    private Task<IDistributedApplicationTestingBuilder> AppHost(params string[] arguments)
        => DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"Kong:ClusterCertificateDirectory={_certificates.Path}", .. arguments]);

    private static IResource Resource(IDistributedApplicationTestingBuilder builder, string name)
        => builder.Resources.Single(resource => resource.Name == name);
}
