using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KonnectAspire.Konnect.Yaml;

/// <summary>
/// The one way this project reads YAML from outside (decK files, manifests and kustomizations, kubeconfigs): a size
/// limit checked before the text is read, then one pass over the parser's events that refuses deep nesting, many
/// aliases and alias expansion (the "billion laughs" of a few hundred bytes) before any node graph is built or walked.
/// </summary>
public static class BoundedYaml
{
    /// <summary>The largest YAML text read: far above any kong.yaml, manifest or kubeconfig this project meets.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>How deep mappings and sequences may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many aliases (<c>*name</c>) a text may use.</summary>
    public const int MaxAliases = 1_000;

    /// <summary>How many nodes all aliases together may stand for, counting what they repeat.</summary>
    public const long MaxAliasedNodes = 10_000;

    /// <summary>Reads a file whose size is checked first; <paramref name="what"/> names it in the error.</summary>
    /// <exception cref="FormatException">The file is larger than <see cref="MaxBytes"/>.</exception>
    public static string ReadFile(string path, string what)
    {
        var size = new FileInfo(path).Length;
        if (size > MaxBytes)
            throw new FormatException($"{what} '{path}' is {size / 1024} KiB; the limit is {MaxBytes / (1024 * 1024)} MiB. Is it the right file?");
        return File.ReadAllText(path);
    }

    /// <summary>Loads every document of <paramref name="yaml"/> once its size, depth and aliases are within bounds.</summary>
    /// <exception cref="YamlException">Invalid YAML or a bound exceeded, with the position.</exception>
    public static YamlStream Load(string yaml)
    {
        Check(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream;
    }

    /// <summary>
    /// Checks size, depth and aliases without building a node graph, for text another library reads afterwards
    /// (KubernetesClient's kubeconfig loader).
    /// </summary>
    /// <exception cref="YamlException">Invalid YAML or a bound exceeded, with the position.</exception>
    public static void Check(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > MaxBytes)
            throw new YamlException(Mark.Empty, Mark.Empty, $"the text is {yaml.Length / 1024} KiB; the limit is {MaxBytes / (1024 * 1024)} MiB");
        var scanner = new Scanner(new StringReader(yaml));
        var parser = new Parser(scanner);
        var open = new Stack<Frame>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var (aliases, aliased) = (0, 0L);
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        if (++aliases > MaxAliases)
                            throw Refused(alias, $"more than {MaxAliases} aliases");
                        if (!anchors.TryGetValue(alias.Value.Value, out var size))
                            throw Refused(alias, $"alias *{alias.Value.Value} refers to no anchor before it");
                        aliased += size;
                        if (aliased > MaxAliasedNodes)
                            throw Refused(alias, $"aliases expand to more than {MaxAliasedNodes} nodes (an alias bomb?); write the values out");
                        Add(open, size);
                        break;
                    case Scalar scalar:
                        Remember(anchors, scalar, 1);
                        Add(open, 1);
                        break;
                    case NodeEvent start when start is MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth)
                            throw Refused(start, $"mappings and sequences nest more than {MaxDepth} deep");
                        open.Push(new Frame(start));
                        break;
                    case DocumentStart:
                        // Anchors belong to their document.
                        anchors.Clear();
                        break;
                    case MappingEnd or SequenceEnd:
                        var closed = open.Pop();
                        Remember(anchors, closed.Start, closed.Size);
                        Add(open, closed.Size);
                        break;
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet gives up this way on some unterminated flow collections; the scanner knows where it stopped.
            var at = scanner.CurrentPosition;
            throw new YamlException(at, at, "check for an unclosed '[', '{' or quote before this point", ex);
        }
    }

    private static void Add(Stack<Frame> open, long size)
    {
        if (open.TryPeek(out var parent))
            parent.Size += size;
    }

    private static void Remember(Dictionary<string, long> anchors, NodeEvent node, long size)
    {
        if (!node.Anchor.IsEmpty)
            anchors[node.Anchor.Value] = size;
    }

    private static YamlException Refused(ParsingEvent at, string message) => new(at.Start, at.End, message);

    private sealed class Frame(NodeEvent start)
    {
        public NodeEvent Start { get; } = start;

        public long Size { get; set; } = 1;
    }
}
