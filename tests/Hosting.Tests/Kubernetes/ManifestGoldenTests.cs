namespace KonnectAspire.Hosting.Tests.Kubernetes;

public class ManifestGoldenTests
{
    [Fact]
    public async Task Kong_Operator_flavour_of_the_reference_model_matches_the_golden_files() =>
        GoldenFiles.Verify("kong-operator", await PublishOutputs.FilesAsync("reference-kong-operator"));

    [Fact]
    public async Task Plain_flavour_of_the_reference_model_matches_the_golden_files() =>
        GoldenFiles.Verify("plain", await PublishOutputs.FilesAsync("reference-plain"));
}
