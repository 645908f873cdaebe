using Aspire.Hosting.Kong.Kubernetes;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public class ManifestGoldenTests
{
    [Fact]
    public void Kong_Operator_flavour_matches_the_golden_files() =>
        GoldenFiles.Verify("kong-operator", ManifestWriter.Render(EksManifestBuilder.Build(ReferenceModels.Create(EksDataPlaneFlavor.KongOperator))));

    [Fact]
    public void Plain_flavour_matches_the_golden_files() =>
        GoldenFiles.Verify("plain", ManifestWriter.Render(EksManifestBuilder.Build(ReferenceModels.Create(EksDataPlaneFlavor.Plain))));
}
