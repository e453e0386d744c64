using CiteLsp.Server.Protocol;

namespace CiteLsp.Server.Diagnostics;

/// <summary>
/// At most <see cref="Max"/> problems published for one file, the first by position, and one more line that counts the
/// rest and points at the first of them. A library with thousands of syntax problems made one notification so big that
/// every response waited seconds behind it on the way out (1M entries with 11,500 problems: the first completions after
/// the load stalled 3-4 s), and an editor's problem list is not read that far. `citelsp check FILE` lists them all.
/// </summary>
internal static class ProblemCap
{
    public const int Max = 1000;
    public const string Code = "more-problems";

    public static List<Diagnostic> Apply(List<Diagnostic> diagnostics, string path)
    {
        if (diagnostics.Count <= Max) return diagnostics;
        var byPosition = diagnostics.OrderBy(d => d.Range.Start.Line).ThenBy(d => d.Range.Start.Character).ToList();
        var kept = byPosition.GetRange(0, Max);
        var more = diagnostics.Count - Max;
        kept.Add(new Diagnostic(byPosition[Max].Range, DiagnosticSeverity.Information, Code, LspConvert.Source,
            FormattableString.Invariant($"{more:N0} more problems from here on are not shown (the first {Max:N0} are); `citelsp check {Path.GetFileName(path)}` lists them all")));
        return kept;
    }
}
