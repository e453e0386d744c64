using CiteLsp.Core.Citations;
using CiteLsp.Core.Fixes;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Fixes;

public class CitationRemoverTests
{
    /// <summary>Removes the key marked [|…|] (the other keys are found by their text) from a command spanning the marked text's "{…}" or "[…]".</summary>
    private static string Remove(string marked, DocumentSyntax syntax, string commandText)
    {
        var m = Markup.Parse(marked);
        var commandStart = m.Text.IndexOf(commandText, StringComparison.Ordinal);
        var command = new SourceSpan("d", commandStart, commandText.Length);
        var target = m.Ranges[0];
        var keys = System.Text.RegularExpressions.Regex.Matches(commandText, syntax == DocumentSyntax.Latex ? @"(?<=[{,]\s*)[\w:-]+" : @"(?<=@)[\w:-]+");
        var citations = keys.Select(k => new Citation(k.Value, new SourceSpan("d", commandStart + k.Index, k.Length), command, "\\cite", syntax)).ToList();
        var removed = citations.Single(c => c.KeySpan.Start == target.Start);
        return CitationRemover.Remove(m.Text, removed, citations).ApplyTo(m.Text);
    }

    [Theory]
    [InlineData(@"Text \cite{[|a|]}.", @"\cite{a}", "Text.")]
    [InlineData("Text~\\citep[p.~3]{[|a|]} more", @"\citep[p.~3]{a}", "Text more")]
    [InlineData("\\cite{[|a|]} starts the line", @"\cite{a}", " starts the line")]
    [InlineData(@"\cite{[|a|], b, c}", @"\cite{a, b, c}", @"\cite{b, c}")]
    [InlineData(@"\cite{a, [|b|], c}", @"\cite{a, b, c}", @"\cite{a, c}")]
    [InlineData(@"\cite{a,b,[|c|]}", @"\cite{a,b,c}", @"\cite{a,b}")]
    [InlineData(@"\cites{a}[p. 2]{[|b|]}", @"\cites{a}[p. 2]{b}", @"\cites{a}[p. 2]")]
    public void Latex(string marked, string command, string expected) => Assert.Equal(expected, Remove(marked, DocumentSyntax.Latex, command));

    [Theory]
    [InlineData("As shown [@[|a|]].", "[@a]", "As shown.")]
    [InlineData("See [see @[|a|], p. 3; @b] now", "[see @a, p. 3; @b]", "See [@b] now")]
    [InlineData("See [see @a, p. 3; @[|b|]] now", "[see @a, p. 3; @b]", "See [see @a, p. 3] now")]
    [InlineData("See [@a; -@[|b|], ch. 2; @c] now", "[@a; -@b, ch. 2; @c]", "See [@a; @c] now")]
    [InlineData("As @[|a|] says", "@a", "As says")]
    public void Pandoc(string marked, string command, string expected) => Assert.Equal(expected, Remove(marked, DocumentSyntax.Markdown, command));
}
