using KonnectAspire.SampleService;

SampleServiceApplication.Build(args).Run();
