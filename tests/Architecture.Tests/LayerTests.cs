using Mono.Cecil;

namespace KonnectAspire.Architecture.Tests;

/// <summary>The README's rooms hold: no namespace cycle inside the product, and no assembly uses one above it.</summary>
public class LayerTests
{
    [Fact]
    public void No_product_namespace_depends_on_another_that_depends_back_on_it()
    {
        var modules = ProductAssembly.All.Select(a => a.Read()).ToList();
        var graph = NamespaceGraph.Of(modules);

        var cycles = graph.Cycles();

        Assert.Contains("KonnectAspire.Konnect.Gateway", graph.Namespaces);
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles.Select(cycle => Describe(graph, cycle))));
    }

    [Fact]
    public void Each_product_assembly_references_only_the_rooms_below_it()
    {
        var names = ProductAssembly.All.ToDictionary(a => a.Name, a => a.Room, StringComparer.OrdinalIgnoreCase);
        var wrong = new List<string>();
        foreach (var assembly in ProductAssembly.All)
        {
            var module = assembly.Read();
            foreach (var reference in module.AssemblyReferences)
            {
                if (names.TryGetValue(reference.Name, out var room) && !ProductAssembly.AllowedReferences[assembly.Room].Contains(room))
                {
                    wrong.Add($"{assembly.Room} references {room}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_graph_sees_a_dependency_that_is_only_in_a_method_body()
    {
        // Hosting's control plane sync calls Konnect's sync from a method body only; a graph that read signatures
        // alone would miss it and pass cycles it cannot see.
        var graph = NamespaceGraph.Of(ProductAssembly.All.Select(a => a.Read()));

        Assert.Contains(graph.UsedBy("Aspire.Hosting.Kong"), used => used.StartsWith("KonnectAspire.Konnect", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_namespaces_that_use_each_other_are_reported_as_a_cycle()
    {
        var module = ModuleDefinition.CreateModule("Cyclic", ModuleKind.Dll);
        var first = new TypeDefinition("Cyclic.First", "A", TypeAttributes.Public, module.TypeSystem.Object);
        var second = new TypeDefinition("Cyclic.Second", "B", TypeAttributes.Public, module.TypeSystem.Object);
        var third = new TypeDefinition("Cyclic.Third", "C", TypeAttributes.Public, module.TypeSystem.Object);
        module.Types.Add(first);
        module.Types.Add(second);
        module.Types.Add(third);
        first.Fields.Add(new FieldDefinition("b", FieldAttributes.Public, second));
        second.Fields.Add(new FieldDefinition("a", FieldAttributes.Public, first));
        third.Fields.Add(new FieldDefinition("a", FieldAttributes.Public, first));

        var cycles = NamespaceGraph.Of([module]).Cycles();

        Assert.Equal(["Cyclic.First", "Cyclic.Second"], Assert.Single(cycles));
    }

    private static string Describe(NamespaceGraph graph, IReadOnlyList<string> cycle)
    {
        var lines = from user in cycle
                    from used in graph.UsedBy(user).Where(cycle.Contains)
                    select $"    {user} -> {used}: {graph.Example(user, used)}";
        return $"  {string.Join(" <-> ", cycle)}\n{string.Join("\n", lines)}";
    }
}
