using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Configuration;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.State;

namespace CiteLsp.Tests.Server.Catalogs;

public class CatalogManagerTests
{
    /// <summary>A shutdown while a library's first load builds its index (the server stopping mid-load): the load ends as
    /// a cancellation, which the loading loop lets go quietly, not as an AggregateException that it logged as a failure.</summary>
    [Fact]
    public async Task A_load_stopped_before_its_index_is_built_ends_as_a_cancellation()
    {
        using var dir = new TempDir();
        var library = dir.File("library.bib", "@article{a, title = {A}}\n@book{b, title = {B}}\n");
        var state = new WorkspaceState();
        state.Update(s => s with { Settings = new CiteLspSettings { Library = [library], SeedsEnabled = false }, WorkspaceFolders = [dir.Path] });
        var manager = new CatalogManager(state, new Logger(TextWriter.Null), _ => Task.CompletedTask)
        {
            Cache = new CatalogCache(Path.Combine(dir.Path, "cache"), minBytes: 0), // the index is built with the parse
        };
        manager.Dispose(); // stopped: the parse runs, the index build sees the cancellation
        await Assert.ThrowsAsync<OperationCanceledException>(manager.SyncOnceAsync);
    }
}
