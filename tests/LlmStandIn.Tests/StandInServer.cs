using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectAspire.LlmStandIn.Tests;

/// <summary>The real stand-in application on 127.0.0.1 with an ephemeral port, requiring <see cref="ApiKey"/>.</summary>
public sealed class StandInServer : IAsyncLifetime
{
    public const string ApiKey = "sk-stand-in-test";

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri OpenAiEndpoint => new(BaseAddress, "/v1");

    public async Task InitializeAsync()
    {
        _app = LlmStandInApplication.Create(["--urls=http://127.0.0.1:0", $"--LlmStandIn:ApiKey={ApiKey}"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public HttpClient CreateHttpClient(string? apiKey = ApiKey)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return http;
    }
}
