var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/", () => Results.Ok(new { service = "sample-service" }));

app.Run();

/// <summary>Entry point, visible to the tests.</summary>
public partial class Program;
