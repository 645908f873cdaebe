using Mono.Cecil;

namespace KonnectAspire.Architecture.Tests;

/// <summary>
/// Which of the product's namespaces uses which, read from every place IL names a type: base types, interfaces,
/// fields, properties, signatures, attributes, generic arguments and method bodies (calls, fields, casts, locals).
/// Compiler-generated types (lambdas, async state machines) count for the namespace that contains them.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _examples = [];
    private readonly HashSet<string> _ours;
    private readonly HashSet<string> _assemblies;

    private NamespaceGraph(IEnumerable<ModuleDefinition> modules)
    {
        var list = modules.ToList();
        _ours = list.SelectMany(m => m.Types).Select(t => t.Namespace).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        _assemblies = list.Select(m => m.Assembly.Name.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var type in list.SelectMany(m => m.GetTypes()))
        {
            var from = OuterMost(type).Namespace;
            if (from.Length == 0)
            {
                continue;
            }

            _edges.TryAdd(from, new HashSet<string>(StringComparer.Ordinal));
            foreach (var used in UsedTypes(type))
            {
                Add(from, used, type);
            }
        }
    }

    public IReadOnlyCollection<string> Namespaces => _edges.Keys;

    public static NamespaceGraph Of(IEnumerable<ModuleDefinition> modules) => new(modules);

    public IReadOnlySet<string> UsedBy(string @namespace) => _edges.TryGetValue(@namespace, out var to) ? to : new HashSet<string>();

    /// <summary>Where <paramref name="from"/> first uses <paramref name="to"/>, for the failure message.</summary>
    public string Example(string from, string to) => _examples.GetValueOrDefault((from, to), "?");

    /// <summary>The strongly connected components with more than one namespace (Tarjan), each sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in UsedBy(node))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private void Add(string from, TypeReference? used, TypeDefinition site)
    {
        for (var type = used; type is not null;)
        {
            switch (type)
            {
                case GenericInstanceType generic:
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(from, argument, site);
                    }

                    type = generic.ElementType;
                    continue;
                case TypeSpecification specification:
                    type = specification.ElementType;
                    continue;
                case GenericParameter:
                    return;
            }

            // Only the product's own types: Hosting shares Aspire.Hosting's namespaces with Aspire's assembly.
            var outer = Outer(type);
            var to = outer.Namespace;
            if (to != from && _ours.Contains(to) && IsOurs(outer) && _edges[from].Add(to))
            {
                _examples[(from, to)] = $"{site.FullName} uses {type.FullName}";
            }

            return;
        }
    }

    private bool IsOurs(TypeReference type) => type.Scope switch
    {
        ModuleDefinition => true,
        AssemblyNameReference assembly => _assemblies.Contains(assembly.Name),
        _ => false,
    };

    private static TypeReference Outer(TypeReference type) => type.DeclaringType is { } declaring ? Outer(declaring) : type;

    private static TypeDefinition OuterMost(TypeDefinition type) => type.DeclaringType is { } declaring ? OuterMost(declaring) : type;

    private static IEnumerable<TypeReference?> UsedTypes(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var item in type.Interfaces)
        {
            yield return item.InterfaceType;
        }

        foreach (var attribute in Attributes(type))
        {
            yield return attribute;
        }

        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
            foreach (var attribute in Attributes(field))
            {
                yield return attribute;
            }
        }

        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
            foreach (var attribute in Attributes(property))
            {
                yield return attribute;
            }
        }

        foreach (var method in type.Methods)
        {
            foreach (var used in UsedTypes(method))
            {
                yield return used;
            }
        }
    }

    private static IEnumerable<TypeReference?> UsedTypes(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
            foreach (var attribute in Attributes(parameter))
            {
                yield return attribute;
            }
        }

        foreach (var attribute in Attributes(method))
        {
            yield return attribute;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var local in method.Body.Variables)
        {
            yield return local.VariableType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference operandType:
                    yield return operandType;
                    break;
                case MemberReference member:
                    yield return member.DeclaringType;
                    if (member is MethodReference called)
                    {
                        yield return called.ReturnType;
                        foreach (var parameter in called.Parameters)
                        {
                            yield return parameter.ParameterType;
                        }

                        if (called is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments)
                            {
                                yield return argument;
                            }
                        }
                    }
                    else if (member is FieldReference field)
                    {
                        yield return field.FieldType;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider)
        => provider.CustomAttributes.Select(attribute => attribute.AttributeType);

    private static IEnumerable<TypeReference> Attributes(ParameterDefinition parameter)
        => parameter.CustomAttributes.Select(attribute => attribute.AttributeType);
}
