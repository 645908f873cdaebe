using Mono.Cecil;

namespace KonnectAspire.Architecture.Tests;

/// <summary>One product assembly as built next to the tests, read with Mono.Cecil (never loaded).</summary>
public sealed record ProductAssembly(string Room, string FileName)
{
    // The rooms of the README's layout and the assemblies each may use; AppHost (composition only) is left out.
    public static readonly IReadOnlyList<ProductAssembly> All =
    [
        new("Konnect", "KonnectAspire.Konnect.dll"),
        new("Hosting", "KonnectAspire.Hosting.dll"),
        new("Deployment", "KonnectAspire.Deployment.dll"),
        new("Provisioner", "provisioner.dll"),
        new("ServiceDefaults", "KonnectAspire.ServiceDefaults.dll"),
        new("SampleService", "KonnectAspire.SampleService.dll"),
        new("LlmStandIn", "KonnectAspire.LlmStandIn.dll"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> AllowedReferences = new Dictionary<string, string[]>
    {
        ["Konnect"] = [],
        ["Hosting"] = ["Deployment", "Konnect"],
        ["Deployment"] = ["Konnect"],
        ["Provisioner"] = ["Deployment", "Konnect"],
        ["ServiceDefaults"] = [],
        ["SampleService"] = ["ServiceDefaults"],
        ["LlmStandIn"] = ["ServiceDefaults"],
    };

    public string Name => Path.GetFileNameWithoutExtension(FileName);

    public ModuleDefinition Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        Assert.True(File.Exists(path), $"{FileName} is not built next to the tests ({path})");
        return ModuleDefinition.ReadModule(path);
    }
}
