using CiteLsp.Core.Rendering;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

/// <summary>completionItem/resolve: the reference card of the item's entry, computed only for the item shown.</summary>
internal sealed class CompletionResolveHandler(Session session)
{
    [JsonRpcMethod(Methods.CompletionItemResolve, UseSingleObjectParameterDeserialization = true)]
    public CompletionItem Resolve(CompletionItem item)
    {
        session.RequireRunning();
        Params.Require(item, "item");
        if (item.Documentation is not null || item.Data is not { Uri: { } uri, Key: { } key }) return item;
        if (DocumentContext.Get(session.State.Current, uri) is not { } doc) return item;
        var entry = doc.Catalogs.Bibliography.Find(key) ?? doc.Catalogs.Library.Find(key);
        return entry is null ? item : item with { Documentation = MarkupContent.Markdown(ReferenceCard.Markdown(entry)) };
    }
}
