using Aspire.Hosting.Kong.Kubernetes;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public class CustomResourceSchemaTests
{
    private static readonly string[] BuiltInApiVersions = ["v1", "apps/v1", "autoscaling/v2", "policy/v1"];

    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Every_custom_resource_validates_against_its_CRD_schema(string output)
    {
        var documents = await PublishOutputs.DocumentsAsync(output);
        var custom = documents.Where(d => !BuiltInApiVersions.Contains(d.ApiVersion)).ToList();
        foreach (var document in custom)
        {
            var schema = CrdSchemas.Find(document.ApiVersion, document.Kind);
            Assert.True(schema is not null, $"{document}: no served CRD version in Contracts/kgo defines {document.ApiVersion} {document.Kind}");
            var errors = CrdSchemas.Errors(schema, document.Node);
            Assert.True(errors.Count == 0, $"{document} breaks its CRD schema:\n{string.Join("\n", errors)}");
        }

        if (PublishOutputs.FlavorOf(output) == EksDataPlaneFlavor.KongOperator)
        {
            Assert.Equal(
                ["DataPlane", "KongPlugin", "KongPluginBinding", "KongRoute", "KongService", "KonnectAPIAuthConfiguration", "KonnectExtension", "KonnectGatewayControlPlane"],
                custom.Select(d => d.Kind).Distinct().Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.Empty(custom);
        }
    }

    [Fact]
    public void A_mirrored_control_plane_and_a_global_plugin_validate_too()
    {
        var model = ReferenceModels.Create(EksDataPlaneFlavor.KongOperator);
        var gateway = ReferenceModels.Gateway();
        gateway.Plugins.Add(new KonnectAspire.Konnect.Gateway.GatewayPlugin { Name = "correlation-id", Enabled = false });
        model = model with
        {
            ControlPlanes = [model.ControlPlanes[0] with { Options = new() { MirrorId = "0f5a6b2e-3c1d-4e8f-9a7b-1c2d3e4f5a6b" }, Gateway = gateway }],
        };

        foreach (var document in PublishedDocument.From(ManifestWriter.Render(EksManifestBuilder.Build(model))).Where(d => !BuiltInApiVersions.Contains(d.ApiVersion)))
        {
            Assert.Empty(CrdSchemas.Errors(CrdSchemas.Find(document.ApiVersion, document.Kind)!, document.Node));
        }
    }

    [Fact]
    public void The_schema_check_rejects_an_unknown_field()
    {
        var documents = PublishedDocument.From(ManifestWriter.Render(EksManifestBuilder.Build(ReferenceModels.Create(EksDataPlaneFlavor.KongOperator))));
        var dataPlane = documents.Single(d => d.Kind == "DataPlane");
        var broken = dataPlane.Node.DeepClone().AsObject();
        broken["spec"]!["deployment"]!["replicaCount"] = 3;

        Assert.NotEmpty(CrdSchemas.Errors(CrdSchemas.Find(dataPlane.ApiVersion, dataPlane.Kind)!, broken));
    }
}
