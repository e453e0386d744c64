namespace CiteLsp.Server.Cli;

/// <summary>Minimal argument parsing: positional words, repeatable "--name value" options and "--flag" switches.</summary>
internal sealed class CliArgs
{
    public List<string> Positional { get; } = [];
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public static CliArgs Parse(IEnumerable<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        var result = new CliArgs();
        using var it = args.GetEnumerator();
        while (it.MoveNext())
        {
            var a = it.Current;
            if (valueOptions.Contains(a))
            {
                if (!it.MoveNext()) throw new UsageException($"{a} needs a value");
                if (!result._options.TryGetValue(a, out var list)) result._options[a] = list = [];
                list.Add(it.Current);
            }
            else if (flags.Contains(a)) result._flags.Add(a);
            else if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2) throw new UsageException($"unknown option {a}");
            else result.Positional.Add(a);
        }
        return result;
    }

    public IReadOnlyList<string> All(string option) => _options.TryGetValue(option, out var l) ? l : [];
    public string? Last(string option) => _options.TryGetValue(option, out var l) ? l[^1] : null;
    public bool Has(string flag) => _flags.Contains(flag);

    public int Int(string option, int fallback)
    {
        var v = Last(option);
        if (v is null) return fallback;
        return int.TryParse(v, out var n) && n > 0 ? n : throw new UsageException($"{option} needs a positive number, got '{v}'");
    }
}

internal sealed class UsageException(string message) : Exception(message);
