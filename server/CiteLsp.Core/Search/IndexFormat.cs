using System.Runtime.InteropServices;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>The binary form of an <see cref="IndexLayout"/> for the warm-start cache: flat arrays written as raw
/// bytes (native little-endian), strings as one UTF-16 blob plus offsets, so reading is a few big copies and one
/// allocation per string. What derives in linear time from what is stored (alphabetical ranks, tombstone flags,
/// entries by id) is recomputed. Everything read is bounds-checked: bad data yields null, never a bad index.</summary>
internal static class IndexFormat
{
    private const int Magic = 0x49534C43; // "CLSI"
    private const int Version = 1;
    private const int EndMagic = 0x444E4549;

    public static void Write(IndexLayout layout, Stream stream)
    {
        Value(stream, Magic); Value(stream, Version); Value(stream, BitConverter.IsLittleEndian);
        Value(stream, layout.Entries.Count); Value(stream, Fingerprint(layout.Entries));
        Value(stream, layout.IndexAbstracts); Value(stream, layout.BaseIds); Value(stream, layout.IdCount);
        Dictionary(stream, layout.Terms.Base);
        Value(stream, layout.Terms.Delta is not null);
        if (layout.Terms.Delta is { } delta) Dictionary(stream, delta);
        var dead = layout.Terms.DeadPostings.OrderBy(kv => kv.Key).ToArray();
        Array(stream, dead.Select(kv => kv.Key).ToArray());
        Array(stream, dead.Select(kv => kv.Value).ToArray());
        // An index that only appended entries keeps ids and positions the same (no map); the format wants one with a delta.
        Array(stream, layout.IdOf ?? (layout.Terms.Delta is null ? [] : [.. Enumerable.Range(0, layout.Entries.Count)]));
        var folded = layout.Keys.Folded.Flat();
        Array(stream, folded.Chars); // as Strings writes them
        Array(stream, folded.Starts);
        Array(stream, layout.Keys.EntryIds);
        Array(stream, layout.Keys.Ties);
        Array(stream, layout.Years);
        Value(stream, EndMagic);
    }

    /// <param name="checkEntries">False when the caller knows the data was written for these entries (a checksummed
    /// cache file that holds both): skips the fingerprint, a pass over every key.</param>
    public static IndexLayout? Read(Stream stream, IReadOnlyList<Entry> entries, bool checkEntries = true)
    {
        try { return TryRead(new BlockReader(stream), entries, checkEntries); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static IndexLayout? TryRead(BlockReader r, IReadOnlyList<Entry> entries, bool checkEntries)
    {
        if (r.Value<int>() != Magic || r.Value<int>() != Version || r.Value<bool>() != BitConverter.IsLittleEndian) return null;
        var count = r.Value<int>();
        var fingerprint = r.Value<ulong>();
        if (count != entries.Count || count == 0 || checkEntries && fingerprint != Fingerprint(entries)) return null;
        var indexAbstracts = r.Value<bool>();
        var baseIds = r.Value<int>();
        var idCount = r.Value<int>();
        if (baseIds <= 0 || idCount < baseIds || idCount < count || idCount > (1 << 28)) return null;
        var @base = Dictionary(r, 0, baseIds);
        if (@base is null) return null;
        var delta = r.Value<bool>() ? Dictionary(r, baseIds, idCount) : null;
        var deadTerms = r.Array<int>();
        var deadCounts = r.Array<int>();
        var idOf = r.Array<int>();
        var foldedChars = r.Array<char>();
        var foldedStarts = r.Array<int>();
        var keyIds = r.Array<int>();
        var ties = r.Array<int>();
        var years = r.Array<int>();
        if (r.Value<int>() != EndMagic || deadTerms.Length != deadCounts.Length || years.Length != idCount) return null;
        if (idOf.Length == 0 ? idCount != count || delta is not null || deadTerms.Length > 0 : idOf.Length != count) return null;

        IReadOnlyList<Entry> byId = entries;
        int[]? positionOf = null;
        bool[]? dead = null;
        if (idOf.Length > 0)
        {
            var ids = new Entry[idCount];
            positionOf = new int[idCount];
            System.Array.Fill(positionOf, -1);
            for (var i = 0; i < idOf.Length; i++)
            {
                if ((uint)idOf[i] >= (uint)idCount || positionOf[idOf[i]] >= 0) return null;
                positionOf[idOf[i]] = i;
                ids[idOf[i]] = entries[i];
            }
            for (var id = baseIds; id < idCount; id++) if (positionOf[id] < 0) return null; // the delta holds only live entries
            if (idCount - baseIds > 0 != delta is not null) return null;
            dead = new bool[idCount];
            var anyDead = false;
            for (var u = 0; u < baseIds; u++) anyDead |= dead[u] = positionOf[u] < 0;
            if (!anyDead) dead = null;
            byId = ids;
        }
        var deadPostings = new Dictionary<int, int>(deadTerms.Length);
        for (var i = 0; i < deadTerms.Length; i++)
        {
            if ((uint)deadTerms[i] >= (uint)@base.Terms.Length || deadCounts[i] <= 0 || deadCounts[i] > @base.PostingCount(deadTerms[i])
                || !deadPostings.TryAdd(deadTerms[i], deadCounts[i])) return null;
        }
        if (deadPostings.Count > 0 && dead is null) return null;

        // The key table lists every live entry exactly once.
        if (foldedStarts.Length != count + 1 || keyIds.Length != count) return null;
        var folded = new FoldedKeys(foldedChars, foldedStarts); // throws (read as null) unless the offsets are in order
        var seen = new bool[idCount];
        foreach (var id in keyIds)
        {
            if ((uint)id >= (uint)idCount || seen[id] || positionOf is not null && positionOf[id] < 0) return null;
            seen[id] = true;
        }
        for (var i = 0; i < ties.Length; i++)
            if (ties[i] < 1 || ties[i] >= count || i > 0 && ties[i] <= ties[i - 1] || !folded[ties[i]].SequenceEqual(folded[ties[i] - 1])) return null;
        var terms = new LiveTerms(@base, delta, deadPostings, dead);
        return new IndexLayout(entries, byId, idOf.Length > 0 ? idOf : null, positionOf, terms, new KeyTable(folded, keyIds, ties), years, indexAbstracts, baseIds);
    }

    private static void Dictionary(Stream stream, TermDictionary dict)
    {
        Strings(stream, dict.Terms);
        Array(stream, dict.PostStart);
        Array(stream, dict.Postings);
        Array(stream, dict.Masks);
        var starts = new int[dict.ByLength.Length + 1];
        for (var len = 0; len < dict.ByLength.Length; len++) starts[len + 1] = starts[len] + dict.ByLength[len].Length;
        Array(stream, starts);
        Array(stream, dict.ByLength.SelectMany(ids => ids).ToArray());
    }

    /// <summary>A dictionary whose postings name entries in [firstId, endId).</summary>
    private static TermDictionary? Dictionary(BlockReader r, int firstId, int endId)
    {
        var terms = r.Strings();
        var postStart = r.Array<int>();
        var postings = r.Array<int>();
        var masks = r.Array<ulong>();
        var starts = r.Array<int>();
        var flat = r.Array<int>();
        if (terms is null || postStart.Length != terms.Length + 1 || masks.Length != terms.Length || starts.Length != TermDictionary.MaxTypoLength + 2) return null;
        if (postStart[0] != 0 || postStart[^1] != postings.Length || starts[0] != 0 || starts[^1] != flat.Length) return null;
        for (var t = 0; t < terms.Length; t++) if (postStart[t + 1] < postStart[t]) return null;
        if (postings.AsSpan().IndexOfAnyExceptInRange(firstId << 3, (endId << 3) - 1) >= 0) return null;
        if (flat.AsSpan().IndexOfAnyExceptInRange(0, terms.Length - 1) >= 0) return null;
        var byLength = new int[TermDictionary.MaxTypoLength + 1][];
        for (var len = 0; len < byLength.Length; len++)
        {
            if (starts[len + 1] < starts[len]) return null;
            byLength[len] = flat[starts[len]..starts[len + 1]];
        }
        return new TermDictionary(terms, postStart, postings, masks, byLength);
    }

    private static void Strings(Stream stream, string[] strings)
    {
        var offsets = new int[strings.Length + 1];
        for (var i = 0; i < strings.Length; i++) offsets[i + 1] = offsets[i] + strings[i].Length;
        var blob = new char[offsets[^1]];
        for (var i = 0; i < strings.Length; i++) strings[i].CopyTo(blob.AsSpan(offsets[i]));
        Array(stream, blob);
        Array(stream, offsets);
    }

    private static void Array<T>(Stream stream, T[] values) where T : unmanaged
    {
        Value(stream, values.Length);
        stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static void Value<T>(Stream stream, T value) where T : unmanaged => stream.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    /// <summary>Ties the data to the entry list it was built for: keys and content hashes, in order (FNV-1a, stable across runs).</summary>
    private static ulong Fingerprint(IReadOnlyList<Entry> entries)
    {
        var h = 14695981039346656037UL;
        foreach (var e in entries)
        {
            h = (h ^ e.ContentHash) * 1099511628211UL;
            foreach (var c in e.Key) h = (h ^ c) * 1099511628211UL;
            h = (h ^ 0xFFFF) * 1099511628211UL;
        }
        return h;
    }
}
