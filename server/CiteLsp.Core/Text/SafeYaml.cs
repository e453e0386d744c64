using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CiteLsp.Core.Text;

/// <summary>
/// YamlDotNet's node loader recurses once per nesting level: a deep "[[[[…" overflows the stack and ends the
/// process, which no catch survives. Nesting is checked first on the event stream (an iterative parser), and
/// the other exceptions malformed input raises (InvalidOperationException, ArgumentException) become
/// YamlException, the one callers handle.
/// </summary>
public static class SafeYaml
{
    public const int MaxDepth = 64;

    public static YamlStream Load(string yaml)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            var depth = 0;
            while (parser.MoveNext())
            {
                if (parser.Current is MappingEnd or SequenceEnd) depth--;
                else if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth)
                    throw new YamlException(parser.Current.Start, parser.Current.End, $"YAML nested deeper than {MaxDepth} levels");
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new YamlException($"invalid YAML: {ex.Message}", ex);
        }
    }
}
