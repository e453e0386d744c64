using System.Collections.Concurrent;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Text;

namespace CiteLsp.Server.Diagnostics;

/// <summary>
/// Holds back the diagnostic of the key being typed ("\cite{smi" mid-word): a diagnostic whose span contains the
/// last edit is dropped until the writer pauses (<see cref="Pause"/>) or edits somewhere else.
/// </summary>
internal sealed class TypingGuard
{
    private readonly ConcurrentDictionary<string, (int Start, int End, DateTime At)> _lastEdit = new(StringComparer.Ordinal);

    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Records the region of <paramref name="after"/> that differs from <paramref name="before"/> (the cursor is at its end).</summary>
    public void Edited(TextDocument before, TextDocument after)
    {
        var (a, b) = (before.Text, after.Text);
        var prefix = a.AsSpan().CommonPrefixLength(b);
        var suffix = 0;
        var max = Math.Min(a.Length, b.Length) - prefix;
        while (suffix < max && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix]) suffix++;
        _lastEdit[after.Uri] = (prefix, b.Length - suffix, DateTime.UtcNow);
    }

    public void Forget(string uri) => _lastEdit.TryRemove(uri, out _);

    /// <summary>The diagnostics to show now, and when to look again (null: nothing held back).</summary>
    public (IReadOnlyList<CiteDiagnostic> Shown, TimeSpan? RecheckIn) Filter(string uri, IReadOnlyList<CiteDiagnostic> diagnostics)
    {
        if (!_lastEdit.TryGetValue(uri, out var edit)) return (diagnostics, null);
        var remaining = Pause - (DateTime.UtcNow - edit.At);
        if (remaining <= TimeSpan.Zero) return (diagnostics, null);
        var shown = diagnostics.Where(d => d.Span.Start > edit.End || d.Span.End < edit.Start).ToList();
        return shown.Count == diagnostics.Count ? (diagnostics, null) : (shown, remaining);
    }
}
