using KonnectAspire.LlmStandIn;

var app = LlmStandInApplication.Create(args);
app.Run();
