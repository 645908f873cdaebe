namespace KonnectAspire.Hosting.Tests;

/// <summary>
/// Tests that read <see cref="Environment.ExitCode"/>, which a failed pipeline step sets for the whole process: they
/// run alone, so a failing publish in another test cannot set it under them.
/// </summary>
[CollectionDefinition(nameof(ProcessExitCodeCollection), DisableParallelization = true)]
public sealed class ProcessExitCodeCollection;
