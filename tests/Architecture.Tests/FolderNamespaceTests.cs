using KonnectAspire.TestSupport.Infrastructure;

namespace KonnectAspire.Architecture.Tests;

/// <summary>A newcomer finds a type in one guess: every product source file declares the namespace of its folder.</summary>
public class FolderNamespaceTests
{
    [Fact]
    public void Every_product_source_file_declares_the_namespace_of_its_folder()
    {
        var files = FolderNamespace.Roots.Keys
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, project), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryLayout.Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(segment => segment is "bin" or "obj"))
            .ToList();

        var wrong = files.Select(path => FolderNamespace.Mismatch(path, File.ReadAllText(Path.Combine(RepositoryLayout.Root, path)))).OfType<string>().ToList();

        Assert.Contains("Provisioner/Commands/Cluster/DeployCommand.cs", files);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("Konnect/Sync/KongEntityApiStore.cs", "namespace KonnectAspire.Konnect.Sync;\npublic sealed class KongEntityApiStore;", null)]
    [InlineData("Konnect/Sync/KongEntityApiStore.cs", "namespace KonnectAspire.Konnect.Gateway;\npublic sealed class KongEntityApiStore;", "Konnect/Sync/KongEntityApiStore.cs declares namespace KonnectAspire.Konnect.Gateway; its folder's is KonnectAspire.Konnect.Sync")]
    [InlineData("Hosting/Kong/KongEnvironment.cs", "namespace Aspire.Hosting.Kong;\ninternal static class KongEnvironment;", null)]
    [InlineData("Hosting/ApplicationModel/KongEdition.cs", "namespace Aspire.Hosting.ApplicationModel;\npublic enum KongEdition;", null)]
    [InlineData("Hosting/DataPlanes/KongDataPlaneBuilderExtensions.cs", "namespace Aspire.Hosting;\npublic static class KongDataPlaneBuilderExtensions;", null)]
    [InlineData("Hosting/DataPlanes/KongRequestBodyBuffer.cs", "namespace Aspire.Hosting;\ninternal static class KongRequestBodyBuffer;", "Hosting/DataPlanes/KongRequestBodyBuffer.cs declares namespace Aspire.Hosting; its folder's is Aspire.Hosting.Kong.DataPlanes")]
    [InlineData("Provisioner/Program.cs", "using KonnectAspire.Provisioner;\nreturn await ProvisionerCli.RunAsync(args);", null)]
    [InlineData("Provisioner/Stray.cs", "internal sealed class Stray;", "Provisioner/Stray.cs declares a type in the global namespace")]
    public void A_file_is_judged_by_its_folder_with_Aspire_public_surface_as_the_one_exception(string path, string source, string? expected)
    {
        Assert.Equal(expected, FolderNamespace.Mismatch(path, source));
    }
}
