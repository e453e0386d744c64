using CiteLsp.Server.Catalogs;

namespace CiteLsp.Tests.Server.Catalogs;

public class SettingsPathsTests
{
    [Fact]
    public void Relative_paths_resolve_against_the_folder_where_they_exist()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var refs = b.File("refs.bib", "");
        Assert.Equal([refs], SettingsPaths.Expand(["refs.bib"], [a.Path, b.Path]));
        // Missing everywhere: kept (first folder) so the user is told it cannot be read.
        Assert.Equal([Path.Combine(a.Path, "missing.bib")], SettingsPaths.Expand(["missing.bib"], [a.Path, b.Path]));
    }

    [Fact]
    public void Globs_expand_relative_to_folders_and_from_an_absolute_prefix()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "bib", "sub"));
        var one = dir.File("bib/one.bib", "");
        var two = dir.File("bib/sub/two.bib", "");
        dir.File("bib/notes.txt", "");
        Assert.Equal([one, two], SettingsPaths.Expand(["bib/**/*.bib"], [dir.Path]).Order(StringComparer.Ordinal));
        Assert.Equal([one], SettingsPaths.Expand([Path.Combine(dir.Path, "bib") + "/*.bib"], []));
    }
}
