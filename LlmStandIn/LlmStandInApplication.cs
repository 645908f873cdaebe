namespace KonnectAspire.LlmStandIn;

/// <summary>Builds the stand-in web application; the tests start the same application on loopback.</summary>
internal static class LlmStandInApplication
{
    public const string ConfigurationSection = "LlmStandIn";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.Services.Configure<LlmStandInOptions>(builder.Configuration.GetSection(ConfigurationSection));
        builder.Services.AddSingleton(TimeProvider.System);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapOpenAiEndpoints();
        app.MapAnthropicEndpoints();
        app.MapBedrockEndpoints();
        return app;
    }
}
