using CiteLsp.Core.Citations;

namespace CiteLsp.Tests.Citations;

public class LatexCitationScannerTests
{
    /// <summary>The scanner must find exactly the marked keys, with the marked spans.</summary>
    private static IReadOnlyList<Citation> AssertKeys(string marked, LatexScanOptions? options = null)
    {
        var m = Markup.Parse(marked);
        var found = LatexCitationScanner.Scan("doc.tex", m.Text, options);
        Assert.Equal(m.RangeTexts, found.Select(c => c.Key).ToList());
        Assert.Equal(m.Ranges, found.Select(c => (c.KeySpan.Start, c.KeySpan.Length)).ToList());
        for (var i = 1; i < found.Count; i++) Assert.True(found[i - 1].KeySpan.End <= found[i].KeySpan.Start, "overlapping keys");
        return found;
    }

    [Theory]
    [InlineData(@"\cite{[|a|]}")]
    [InlineData(@"\citep{[|a|]} \citet{[|b|]} \citealt{[|c|]} \citealp{[|d|]} \citeauthor{[|e|]} \citeyear{[|f|]} \citeyearpar{[|g|]}")]
    [InlineData(@"\Citep{[|a|]} \Citet{[|b|]} \Citeauthor{[|c|]} \parencite{[|d|]} \Parencite{[|e|]} \textcite{[|f|]} \Textcite{[|g|]}")]
    [InlineData(@"\autocite{[|a|]} \Autocite{[|b|]} \footcite{[|c|]} \footfullcite{[|d|]} \smartcite{[|e|]} \supercite{[|f|]} \fullcite{[|g|]} \citetitle{[|h|]} \citenum{[|i|]} \nocite{[|j|]}")]
    [InlineData(@"\citedate{[|a|]} \citeurl{[|b|]} \footcitetext{[|c|]} \notecite{[|d|]} \citeA{[|e|]}")]
    [InlineData(@"\citep*{[|a|]} \citeauthor*{[|b|]} \citetitle*{[|c|]}")]
    [InlineData(@"\citep[p.~3]{[|a|]} \citep[see][chap. 2]{[|b|]} \citep [x] [y] {[|c|]}")]
    [InlineData(@"\cite{[|a|], [|b|],[|c|]}")]
    [InlineData("\\cite{[|a|],\n   [|b|] ,\n[|c|]}")]
    [InlineData("\\cite{[|a|], % a comment, not a key\n  [|b|]}")]
    [InlineData(@"\citep[{[a]}]{[|k|]}")]
    [InlineData(@"\cite{[|doi:10.1000/x.y|]} \cite{[|Smith_2020-a|]}")]
    public void Finds_cite_family_keys(string marked) => AssertKeys(marked);

    [Theory]
    [InlineData(@"\cites(pre)(post)[a][b]{[|k1|]}[c][d]{[|k2|]} text {not}")]
    [InlineData(@"\parencites{[|a|]}{[|b|], [|c|]} \textcites[see]{[|d|]}[p. 2]{[|e|]} \autocites{[|f|]} \footcites{[|g|]}")]
    [InlineData(@"\cites(global){[|a|]}")]
    [InlineData(@"\volcite[see]{3}[12]{[|key|]} \pvolcite{2}{[|other|]}")]
    public void Multicite_and_volcite(string marked) => AssertKeys(marked);

    [Fact]
    public void Multicite_shares_one_command_span()
    {
        var found = AssertKeys(@"x \cites[a]{[|k1|]}[b]{[|k2|]} y");
        Assert.Equal(found[0].CommandSpan, found[1].CommandSpan);
        Assert.Equal(@"\cites[a]{k1}[b]{k2}", @"x \cites[a]{k1}[b]{k2} y".Substring(found[0].CommandSpan.Start, found[0].CommandSpan.Length));
        Assert.Equal(@"\cites", found[0].Command);
    }

    [Theory]
    [InlineData(@"\citefield{[|companion|]}{title} \citename{[|c2|]}{author} \citelist{[|c3|]}{publisher}")]
    [InlineData(@"\citefield[pre][post]{[|companion|]}[format]{title}")]
    public void Second_argument_of_low_level_commands_is_not_a_key(string marked) => AssertKeys(marked);

    [Theory]
    [InlineData("% \\cite{no}\n\\cite{[|yes|]} 100\\% \\cite{[|also|]}")]
    [InlineData("\\begin{verbatim}\n\\cite{no}\n\\end{verbatim}\n\\cite{[|yes|]}")]
    [InlineData("\\begin{lstlisting}[language=TeX]\n\\cite{no}\n\\end{lstlisting}\\cite{[|yes|]}")]
    [InlineData("\\begin{minted}{latex}\n\\cite{no}\n\\end{minted}\\begin{comment}\\cite{no}\\end{comment}\\cite{[|yes|]}")]
    [InlineData(@"\verb|\cite{no}| \verb*+\cite{no}+ \lstinline{\cite{no}} \cite{[|yes|]}")]
    [InlineData("\\cite{} \\cite{ } \\cite \\cite{unterminated\n\n\\cite{[|yes|]}")]
    [InlineData(@"\citetext{free text} \mycite{no} \citation{no}")]
    public void Skips_comments_verbatim_and_non_commands(string marked) => AssertKeys(marked);

    [Fact]
    public void Nocite_star_is_a_flag_not_a_key()
    {
        var m = Markup.Parse(@"\nocite{*} \nocite{[|extra|]}");
        var scan = LatexCitationScanner.Analyze("d.tex", m.Text);
        Assert.True(scan.CitesAll);
        Assert.Equal(["extra"], scan.Citations.Select(c => c.Key));
        Assert.False(LatexCitationScanner.Analyze("d.tex", @"\nocite{a}").CitesAll);
    }

    [Fact]
    public void Extra_command_names_from_settings()
    {
        AssertKeys(@"\mycite{[|a|]} \citeX[p]{[|b|]}", new LatexScanOptions(ExtraCommands: ["mycite", @"\citeX"]));
        AssertKeys(@"\mycite{a}");
    }

    [Theory]
    [InlineData(@"\newcommand{\mycite}[1]{\cite{#1}} \mycite{[|a|]}")]
    [InlineData(@"\newcommand\mycite[1]{\citep[see][]{#1}} \mycite{[|a|]}")]
    [InlineData(@"\renewcommand*{\mycite}[2]{\citep[#1]{#2}} \mycite{p. 3}{[|a|]}")]
    [InlineData(@"\newcommand{\mycite}[2][]{\citep[#1]{#2}} \mycite{[|a|]} \mycite[p. 4]{[|b|]}")]
    [InlineData(@"\def\mycite#1{\citep{#1}} \mycite{[|a|], [|b|]}")]
    [InlineData(@"\NewDocumentCommand{\mycite}{o m}{\citep[#1]{#2}} \mycite[x]{[|a|]} \mycite{[|b|]}")]
    [InlineData(@"\newcommand{\mycite}[1]{\cite{#1}} \newcommand{\mycitep}[1]{\mycite{#1}} \mycitep{[|a|]}")]
    [InlineData(@"\newcommand{\notacite}[1]{\textbf{#1}} \notacite{x} \newcommand{\fixed}{\cite{[|real|]}}")]
    public void Wrappers_defined_in_the_document(string marked) => AssertKeys(marked);

    [Fact]
    public void Wrappers_are_reported_and_can_be_passed_to_other_files()
    {
        var scan = LatexCitationScanner.Analyze("main.tex", @"\newcommand{\mycite}[2][]{\citep[#1]{#2}}");
        var w = Assert.Single(scan.Wrappers);
        Assert.Equal(new CiteWrapper("mycite", "om", 2), w);
        AssertKeys(@"\mycite[p]{[|k|]}", new LatexScanOptions(Wrappers: scan.Wrappers));
    }

    [Fact]
    public void Bibitems_and_filecontents_are_collected()
    {
        const string text = "\\begin{filecontents}[force]{\\jobname.bib}\n@book{x, title={\\cite{no}}}\n\\end{filecontents}\n" +
            "\\begin{thebibliography}{9}\n\\bibitem{alpha} A.\n\\bibitem[Knuth(1984)]{knuth84} K.\n\\end{thebibliography}\n\\cite{alpha}";
        var scan = LatexCitationScanner.Analyze("d.tex", text);
        Assert.Equal(["alpha"], scan.Citations.Select(c => c.Key));
        Assert.Equal(["alpha", "knuth84"], scan.BibItems.Select(b => b.Key));
        Assert.Equal("knuth84", text.Substring(scan.BibItems[1].KeySpan.Start, scan.BibItems[1].KeySpan.Length));
        var file = Assert.Single(scan.EmbeddedFiles);
        Assert.Equal(@"\jobname.bib", file.Name);
        Assert.Equal("@book{x, title={\\cite{no}}}\n", file.Text);
        Assert.Equal(file.Text, text.Substring(file.Span.Start, file.Span.Length));
    }

    [Fact]
    public void Offsets_are_utf16_after_non_ascii_text()
    {
        // 'é' is one UTF-16 unit, '𝔸' two (a surrogate pair), 'e\u0301' two.
        var found = AssertKeys("Schrödinger 𝔸 cafe\u0301 — \\cite{[|ψ-key|], [|b|]}");
        Assert.Equal("ψ-key", found[0].Key);
    }

    [Fact]
    public void Structure_commands_are_reported()
    {
        const string text = "% !TeX root = ../main.tex\n\\documentclass[11pt]{article}\n\\usepackage[backend=bibtex,style=numeric]{biblatex}\n" +
            "\\addbibresource[location=local]{refs.bib}\\bibliography{a, b}\\input{chap/one}\\input two \\include{three}\\subfile{four}\\import{dir/}{five}\\subimport{d}{six}";
        var scan = LatexCitationScanner.Analyze("d.tex", text);
        Assert.Equal("../main.tex", scan.MagicRoot);
        Assert.False(scan.HasDocument);
        Assert.Equal(
            ["DocumentClass article 11pt", "UsePackage biblatex backend=bibtex,style=numeric", "AddBibResource refs.bib location=local", "Bibliography a, b ",
             "Input chap/one ", "Input two ", "Include three ", "Subfile four ", "Import dir/five ", "SubImport d/six "],
            scan.References.Select(r => $"{r.Kind} {r.Value} {r.Options}"));
        Assert.True(LatexCitationScanner.Analyze("d.tex", "\\begin{document}\\end{document}").HasDocument);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\\")]
    [InlineData("\\cite")]
    [InlineData("\\cite{")]
    [InlineData("\\cite[")]
    [InlineData("\\begin{verbatim}")]
    [InlineData("\\begin{filecontents}{x.bib}")]
    [InlineData("\\verb")]
    [InlineData("\\newcommand{\\x}[1]{\\cite{#1}")]
    [InlineData("\\def\\x#1")]
    [InlineData("% !TEX root =")]
    public void Truncated_input_does_not_crash(string text) => Assert.Empty(LatexCitationScanner.Scan("d.tex", text));
}
