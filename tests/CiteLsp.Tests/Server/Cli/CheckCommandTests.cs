using CiteLsp.Server.Cli;

namespace CiteLsp.Tests.Server.Cli;

public class CheckCommandTests
{
    private static string Write(TempDir dir, string name, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir.Path, name))!);
        return dir.File(name, text);
    }

    private const string Refs = "@misc{iozone,\n  title = {IOzone},\n}\n\n@book{knuth1984,\n  title = {The TeXbook},\n}\n";

    [Fact]
    public void Prints_compiler_style_lines_and_exits_1_on_an_unresolved_key()
    {
        using var dir = new TempDir();
        Write(dir, "refs.bib", Refs);
        var paper = Write(dir, "paper.tex", "\\documentclass{article}\n\\begin{document}\nSee \\cite{knuth1984, nosuch}.\n\\bibliography{refs}\n\\end{document}\n");
        var (code, output, error) = CliTests.Run("check", paper, "--root", dir.Path);
        Assert.Equal(1, code);
        Assert.Equal($"{CheckCommand.Display(paper)}:3:22: warning: `nosuch` is not in refs.bib [unresolved-citation]", output.Trim());
        Assert.Contains("1 file(s) checked, 1 unresolved", error);
    }

    [Fact]
    public void Exits_0_when_everything_resolves_even_with_a_bibtex_case_warning()
    {
        using var dir = new TempDir();
        Write(dir, "refs.bib", Refs);
        var paper = Write(dir, "paper.tex", "\\documentclass{article}\n\\begin{document}\n\\cite{IOzone}\n\\bibliography{refs}\n\\end{document}\n");
        var (code, output, _) = CliTests.Run("check", paper, "--root", dir.Path);
        Assert.Equal(0, code);
        Assert.Contains("warning: `IOzone` matches `iozone` in refs.bib only up to letter case", output);
        Assert.Contains("[citation-case-mismatch]", output);
    }

    [Fact]
    public void A_root_document_is_checked_with_the_files_it_includes()
    {
        using var dir = new TempDir();
        Write(dir, "refs.bib", Refs);
        Write(dir, "chapters/intro.tex", "Intro \\citep{missing-in-chapter}.\n");
        var main = Write(dir, "main.tex", "\\documentclass{article}\n\\begin{document}\n\\input{chapters/intro}\n\\bibliography{refs}\n\\end{document}\n");
        var (code, output, _) = CliTests.Run("check", main, "--root", dir.Path, "--format", "json");
        Assert.Equal(1, code);
        Assert.Contains("\"key\": \"missing-in-chapter\"", output);
        Assert.Contains("intro.tex", output);
    }

    [Fact]
    public void Markdown_uses_the_front_matter_bibliography_and_inline_references()
    {
        using var dir = new TempDir();
        Write(dir, "refs.bib", Refs);
        var doc = Write(dir, "doc.md", "---\nbibliography: refs.bib\nreferences:\n- id: inline2020\n  title: Inline\n---\n\n[@knuth1984; @inline2020] and @ghost.\n");
        var (code, output, _) = CliTests.Run("check", doc, "--root", dir.Path);
        Assert.Equal(1, code);
        Assert.Single(output.Trim().Split('\n'));
        Assert.Contains("`ghost` is not in refs.bib, doc.md", output);
    }

    [Fact]
    public void Without_a_bibliography_keys_resolve_against_the_seed_library()
    {
        using var dir = new TempDir();
        var doc = Write(dir, "notes.md", "Double descent [@nakkiran2019deep] and [@nope2000].\n");
        var (code, output, _) = CliTests.Run("check", doc, "--root", dir.Path);
        Assert.Equal(1, code);
        Assert.DoesNotContain("nakkiran2019deep", output);
        Assert.Contains("`nope2000` is not in the library (seed catalog); the document declares no bibliography", output);
        Assert.Equal(1, CliTests.Run("check", doc, "--root", dir.Path, "--no-seeds").Code);
    }

    [Fact]
    public void A_bib_file_reports_its_syntax_errors()
    {
        using var dir = new TempDir();
        var bib = Write(dir, "broken.bib", "@article{ok,\n  title = {Fine},\n}\n\n@article{bad,\n  title = {Unclosed,\n\n@misc{after,\n  title = {After},\n}\n");
        var (code, output, _) = CliTests.Run("check", bib);
        Assert.Equal(1, code);
        Assert.Contains("broken.bib:", output);
        Assert.Contains(": error: ", output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--format", "xml", "x.tex")]
    [InlineData("check", "/no/such/file.tex")]
    [InlineData("check", "/etc/hostname")]
    public void Usage_and_input_errors_exit_2(params string[] args) => Assert.Equal(2, CliTests.Run(args).Code);
}
