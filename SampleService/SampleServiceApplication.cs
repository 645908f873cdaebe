using KonnectAspire.SampleService.Diagnostics;
using KonnectAspire.SampleService.Orders;
using KonnectAspire.SampleService.Telemetry;

namespace KonnectAspire.SampleService;

/// <summary>Builds the sample service; Program runs it, the tests host it in-process on loopback.</summary>
public static class SampleServiceApplication
{
    /// <summary>Builds the app from command-line arguments (e.g. <c>--urls=http://127.0.0.1:0</c>).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Fixed so ServiceDefaults traces our ActivitySource even when a test host is the entry assembly.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = SampleServiceTelemetry.SourceName });
        builder.AddServiceDefaults();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddOptions<DelayOptions>()
            .Bind(builder.Configuration.GetSection(DelayOptions.SectionName))
            .Validate(o => o.MaxMilliseconds >= 0 && o.DefaultMilliseconds >= 0 && o.DefaultMilliseconds <= o.MaxMilliseconds,
                $"{DelayOptions.SectionName}: DefaultMilliseconds and MaxMilliseconds must not be negative, and the default must not exceed the maximum.")
            .ValidateOnStart();
        configure?.Invoke(builder);

        var app = builder.Build();
        // Development makes minimal APIs throw on unreadable bodies; keep those a 400 problem, as in production.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.MapDefaultEndpoints();
        app.MapOrdersApi();
        app.MapHeadersApi();
        app.MapDelayApi();
        app.MapAiEndpoints();
        return app;
    }
}
