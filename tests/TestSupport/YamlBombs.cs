namespace KonnectAspire.TestSupport;

/// <summary>YAML that a reader without bounds would expand without end.</summary>
public static class YamlBombs
{
    /// <summary>About 700 bytes of ConfigMap whose nine levels of aliases expand to 9^9 strings when walked.</summary>
    public const string AliasBomb = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: lol}
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;
}
