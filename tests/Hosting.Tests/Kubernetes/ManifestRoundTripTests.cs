using System.Text.Json.Nodes;
using k8s;
using KonnectAspire.Konnect.Yaml;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public class ManifestRoundTripTests
{
    [Theory]
    [MemberData(nameof(PublishOutputs.All), MemberType = typeof(PublishOutputs))]
    public async Task Every_built_in_document_round_trips_through_the_typed_models_without_loss(string output)
    {
        var files = await PublishOutputs.FilesAsync(output);
        var customKinds = CrdSchemas.Kinds.ToDictionary(k => k, _ => typeof(Dictionary<object, object>));
        var builtIn = 0;
        foreach (var (name, content) in files.Where(f => f.Name.EndsWith(".yaml", StringComparison.Ordinal) && f.Name is not "kustomization.yaml" and not "kong.yaml"))
        {
            var typed = KubernetesYaml.LoadAllFromString(content, customKinds, strict: true);
            var original = YamlJsonConversion.LoadAll(content);
            Assert.Equal(original.Count, typed.Count);
            for (var i = 0; i < typed.Count; i++)
            {
                if (typed[i] is not IKubernetesObject kubernetesObject)
                {
                    continue;
                }

                builtIn++;
                var again = YamlJsonConversion.Load(KubernetesYaml.Serialize(kubernetesObject));
                Assert.True(JsonNode.DeepEquals(original[i], again), $"{name} document {i} ({kubernetesObject.Kind}) changed through {kubernetesObject.GetType().Name}:\n{original[i]}\n---\n{again}");
            }
        }

        Assert.True(builtIn >= 3, $"only {builtIn} built-in documents were checked");
    }
}
