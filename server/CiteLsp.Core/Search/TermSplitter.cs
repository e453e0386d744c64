using System.Buffers;
using System.Text;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>Splits text into the folded terms the index stores: words, their camelCase/letter-digit parts,
/// and hyphen compounds joined ("Auto-Regressive" → auto, regressive, autoregressive).</summary>
internal static class TermSplitter
{
    public static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    /// <summary>Calls <paramref name="emit"/> for each term of <paramref name="text"/> (spans are only valid during the call).</summary>
    public static void Split(string text, bool parts, bool compounds, TermAction emit)
    {
        if (text.Length == 0) return;
        if (!Ascii.IsValid(text)) { Split(text, TextFolding.Fold(text), parts, compounds, emit); return; }
        // ASCII (most fields): lower-case into a scratch buffer instead of allocating a folded copy per field.
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        Ascii.ToLower(text, buffer, out var n);
        Split(text, buffer[..n], parts, compounds, emit);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
    }

    private static void Split(string text, ReadOnlySpan<char> folded, bool parts, bool compounds, TermAction emit)
    {
        var sameShape = folded.Length == text.Length; // camelCase boundaries come from the original casing
        Span<char> joined = stackalloc char[128];
        var joinedLen = 0; var pieces = 0;
        var i = 0;
        while (i < folded.Length)
        {
            if (!IsWordChar(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && IsWordChar(folded[i])) i++;
            var word = folded[start..i];
            emit(word);
            if (parts) EmitParts(word, sameShape ? text.AsSpan(start, i - start) : default, emit);

            if (!compounds) continue;
            if (pieces == 0) joinedLen = 0;
            if (joinedLen + word.Length <= joined.Length) { word.CopyTo(joined[joinedLen..]); joinedLen += word.Length; pieces++; }
            var hyphenContinues = i + 1 < folded.Length && folded[i] is '-' or '\u2010' && IsWordChar(folded[i + 1]);
            if (!hyphenContinues)
            {
                if (pieces > 1) emit(joined[..joinedLen]);
                pieces = 0;
            }
        }
    }

    /// <summary>Parts of one word split at letter↔digit and lower→Upper boundaries; nothing when the word is one part.</summary>
    public static void EmitParts(ReadOnlySpan<char> word, ReadOnlySpan<char> original, TermAction emit)
    {
        var start = 0;
        for (var j = 1; j < word.Length; j++)
        {
            if (!IsBoundary(word, original, j)) continue;
            emit(word[start..j]);
            start = j;
        }
        if (start > 0) emit(word[start..]);
    }

    public static bool IsBoundary(ReadOnlySpan<char> word, ReadOnlySpan<char> original, int j) =>
        char.IsAsciiDigit(word[j - 1]) != char.IsAsciiDigit(word[j])
        || (original.Length == word.Length && char.IsLower(original[j - 1]) && char.IsUpper(original[j]));
}

internal delegate void TermAction(ReadOnlySpan<char> term);
