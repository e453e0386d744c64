namespace CiteLsp.Core.Edits;

/// <summary>Non-overlapping edits to one file; the host turns a list of these into one WorkspaceEdit.</summary>
public sealed record FileEdit(string Path, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>Applies the edits to <paramref name="text"/> (for tests, previews and the CLI; the server never writes files).</summary>
    public string ApplyTo(string text)
    {
        var result = text;
        // Back to front so earlier offsets stay valid; inserts at one offset keep their list order.
        foreach (var edit in Edits.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Span.Start).ThenByDescending(x => x.i).Select(x => x.e))
            result = result.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
        return result;
    }
}
