using CiteLsp.Core.Rendering;

namespace CiteLsp.Tests.Rendering;

public class LatexToMarkdownTests
{
    [Theory]
    [InlineData(@"a \emph{new} method", "a *new* method")]
    [InlineData(@"\textit{Deep} learning", "*Deep* learning")]
    [InlineData(@"we \textbf{strongly} agree", "we **strongly** agree")]
    [InlineData(@"\textbf{\emph{both}}", "***both***")]
    [InlineData(@"{\em declared} then plain", "*declared* then plain")]
    [InlineData(@"{\bf Bold words} here", "**Bold words** here")]
    [InlineData(@"\emph{ padded } text", "*padded* text")]
    [InlineData(@"\emph{} nothing", "nothing")]
    [InlineData(@"\emph{outer \emph{inner} outer}", "*outer inner outer*")]
    public void Emphasis_becomes_markdown(string tex, string md) => Assert.Equal(md, LatexToMarkdown.Convert(tex));

    [Theory]
    [InlineData(@"a $k$-sparse parity of $n^{O(k)}$ bits", "a $k$-sparse parity of $n^{O(k)}$ bits")]
    [InlineData(@"where $x_i * y_i$ holds", "where $x_i * y_i$ holds")]
    [InlineData(@"inline \(a+b\) and display \[ c \]", "inline $a+b$ and display $$c$$")]
    [InlineData(@"costs $5 only", @"costs \$5 only")]
    [InlineData(@"costs \$5 and \$6", @"costs \$5 and \$6")]
    [InlineData("math $a\n  b$ joined", "math $a b$ joined")]
    public void Math_is_kept_as_inline_math(string tex, string md) => Assert.Equal(md, LatexToMarkdown.Convert(tex));

    [Theory]
    [InlineData(@"A recent work \cite{corgi}, proposed", "A recent work [corgi], proposed")]
    [InlineData(@"see \citep[p.~4]{a,b}.", "see [a, b].")]
    [InlineData(@"as \citet*{smith_2020} shows", @"as [smith\_2020] shows")]
    [InlineData(@"\parencite{x} and \textcite{y}", "[x] and [y]")]
    [InlineData(@"\cites{a}{b} together", "[a, b] together")]
    [InlineData(@"\cite{x}(2019)", @"[x]\(2019)")]
    [InlineData(@"\cite{x}: a claim", @"[x]\: a claim")]
    [InlineData(@"dropped\nocite{*} here", "dropped here")]
    public void Citations_become_bracketed_keys(string tex, string md) => Assert.Equal(md, LatexToMarkdown.Convert(tex));

    [Theory]
    [InlineData(@"Schr{\""o}dinger", "Schrödinger")]
    [InlineData(@"Schr\""{o}dinger", "Schrödinger")]
    [InlineData(@"Schr\""odinger", "Schrödinger")]
    [InlineData(@"Caf\'e and na\""{\i}ve", "Café and naïve")]
    [InlineData(@"Gau\ss{} and Gau{\ss}", "Gauß and Gauß")]
    [InlineData(@"{\o}stergaard, {\AA}ngstr{\""o}m", "østergaard, Ångström")]
    [InlineData(@"Fran\c{c}ois Gr\v{s}ak Erd\H{o}s {\l}ukasz", "François Gršak Erdős łukasz")]
    [InlineData(@"\c c and \v s", "ç and š")]
    [InlineData(@"\^{\j}x, \'{\j} and \""{q}", "\u0135x, j\u0301 and q\u0308")]
    [InlineData(@"\~{n} and \^o and \`a and \=u and \u{g} and \k{e} and \r{u} and \.z", "ñ and ô and à and ū and ğ and ę and ů and ż")]
    [InlineData(@"tilde \~{} alone", @"tilde \~ alone")]
    public void Accents_become_unicode(string tex, string md) => Assert.Equal(md, LatexToMarkdown.Convert(tex));

    [Theory]
    [InlineData("pages 3--5 and a---b", "pages 3–5 and a—b")]
    [InlineData("Fig.~1", "Fig.\u00A01")]
    [InlineData("``quoted'' and `single'", "“quoted” and ‘single'")]
    [InlineData(@"R\&D 50\% of x\_y, \#1 \{set\}", @"R\&D 50% of x\_y, #1 \{set\}")]
    [InlineData(@"wait\ldots{} done \LaTeX{} \TeX\ and \S 2", "wait… done LaTeX TeX and §2")]
    [InlineData(@"line\\ break and thin\,space", "line break and thin space")]
    public void Punctuation_and_escapes(string tex, string md) => Assert.Equal(md, LatexToMarkdown.Convert(tex));

    [Theory]
    [InlineData(@"\unknownmacro{kept text} and \dropped here", "kept text and here")]
    [InlineData(@"\foo[opt]{a}{b} end", "a b end")]
    [InlineData(@"{Protected} {{BERT}} case", "Protected BERT case")]
    [InlineData(@"stray } brace { unclosed", "stray brace unclosed")]
    [InlineData(@"\textsc{Small Caps} and \mbox{box}", "Small Caps and box")]
    [InlineData(@"\textcolor{red}{warning} and \noopsort{zzz}sorted", "warning and sorted")]
    [InlineData(@"trailing backslash \", "trailing backslash")]
    [InlineData(@"\enquote{said}", "“said”")]
    public void Unknown_macros_drop_cleanly_and_braces_never_leak(string tex, string md) => Assert.Equal(md, LatexToMarkdown.Convert(tex));

    [Theory]
    [InlineData(@"code \texttt{run\_all()} here", "code `run_all()` here")]
    [InlineData(@"\verb|a`b| and \verb+x+", "`` a`b `` and ` x `")]
    [InlineData(@"at \url{https://x.org/a_b%20c}", "at <https://x.org/a_b%20c>")]
    [InlineData(@"\href{https://x.org/p(1)}{the \emph{site}}", "[the *site*](https://x.org/p%281%29)")]
    public void Code_and_links(string tex, string md) => Assert.Equal(md, LatexToMarkdown.Convert(tex));

    [Theory]
    [InlineData(@"a*b_c [d] <e> |f \textasciitilde g", @"a\*b\_c \[d\] \<e\> \|f \~ g")]
    [InlineData("# not a heading", @"\# not a heading")]
    [InlineData("2019. A year", @"2019\. A year")]
    [InlineData("- not a list\n\n+ nor this", "\\- not a list\n\n\\+ nor this")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("`tick", "‘tick")]
    public void Markdown_specials_render_literally(string tex, string md) => Assert.Equal(md, LatexToMarkdown.Convert(tex));

    [Fact]
    public void Whitespace_collapses_but_blank_lines_stay_paragraphs()
    {
        Assert.Equal("one two\n\nthree", LatexToMarkdown.Convert("  one\r\n   two \r\n\r\n  three  "));
        Assert.Equal("a\n\nb", LatexToMarkdown.Convert(@"a\par b"));
    }

    [Fact]
    public void Plain_text_has_no_markup()
    {
        Assert.Equal("M\u00fcller and a*b [x] k-sparse new", LatexToMarkdown.ToPlainText(@"M{\""u}ller and a*b \cite{x} $k$-sparse \emph{new}"));
    }

    [Fact]
    public void Hostile_nesting_does_not_exhaust_the_stack()
    {
        var deep = new string('{', 100_000) + "x" + new string('}', 100_000);
        Assert.Equal("x", LatexToMarkdown.Convert(deep));
        var chained = string.Concat(Enumerable.Repeat(@"\emph", 100_000)) + "{y}";
        Assert.Contains("y", LatexToMarkdown.Convert(chained), StringComparison.Ordinal);
        var accents = string.Concat(Enumerable.Repeat(@"\'{", 50_000)) + "e" + new string('}', 50_000);
        Assert.DoesNotContain("{", LatexToMarkdown.Convert(accents), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_never_contains_unescaped_braces_for_corpus_abstracts()
    {
        var bib = File.ReadAllText(Path.Combine(TestPaths.Corpus, "bib", "large", "b-vitamins-icml-2023.bib"));
        var count = 0;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(bib, @"abstract\s*=\s*\{(.*?)\},?\r?\n"))
        {
            var md = LatexToMarkdown.Convert(m.Groups[1].Value);
            var outsideMath = System.Text.RegularExpressions.Regex.Replace(md, @"\$\$?[^$]*\$\$?|`+[^`]*`+", "");
            Assert.DoesNotMatch(@"(?<!\\)[{}]", outsideMath);
            count++;
        }
        Assert.True(count > 1000, $"only {count} abstracts found");
    }
}
