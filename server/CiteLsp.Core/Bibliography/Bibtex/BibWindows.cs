using System.Text;
using CiteLsp.Core.Text;
using Microsoft.Win32.SafeHandles;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// A huge UTF-8 library parsed a window of the file at a time, so that its text is never in memory whole (1.2 GB as
/// UTF-16 for a 600 MB file). Windows are cut at lines that start an entry, which no value, key or recovery reads past
/// (as <see cref="BibtexParser"/> cuts a text into parts for its cores); each core decodes its window into a buffer it
/// re-uses for every window, scans it with the macros the windows before defined, and builds its entries lean; the
/// windows' scans are joined in order as the parts of one text are. The result is the same as
/// <see cref="BibtexParser.ParseLean"/>'s; where that cannot be had this way (a file not in UTF-8, scans that cannot be
/// joined, a used macro given another value, a file rewritten meanwhile), null, and the caller decodes the whole file.
/// </summary>
internal static class BibWindows
{
    /// <summary>A core's window: two of them (bytes, then characters) per core are what the text costs. At 1M entries
    /// the load's peak was 1.79 GB with 8 MB windows, 1.80 with 16, 1.88 with 32, 2.06 with 64 (2.55 whole); once the
    /// windows kept no journal and were sized from the first, 1.32 GB with 8 MB and 1.37 with 16, the parse's time the
    /// same within the noise (3 interleaved pairs). Smaller ones add joins.</summary>
    public const int DefaultWindowBytes = 8 << 20;

    /// <param name="previous">The file's last parse: its entries stand for the ones whose text is unchanged (<see cref="LeanReuse"/>).</param>
    public static CatalogFile? TryParse(string path, int windowBytes = DefaultWindowBytes, CatalogFile? previous = null)
    {
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var reuse = LeanReuse.From(previous, path);
            var parsed = TryParse(path, file, windowBytes, reuse);
            // Other macros than the last parse's: the entries taken from it may read otherwise, so none are.
            if (reuse is { Taken: > 0 } && parsed?.OnDisk is { } disk && BibtexParser.MacroSeed(disk.Macros) != reuse.Seed)
                parsed = TryParse(path, file, windowBytes, null);
            return parsed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException) { return null; }
    }

    /// <summary>One window: bytes [From, To) are its own, [TextFrom, TextTo) what it decodes (the line break before it, and
    /// the head of the next entry line after it, which a scan looks at).</summary>
    private readonly record struct Cut(long From, long To, long TextFrom, long TextTo);

    private static CatalogFile? TryParse(string path, SafeFileHandle file, int windowBytes, LeanReuse? reuse)
    {
        var length = RandomAccess.GetLength(file);
        var written = File.GetLastWriteTimeUtc(path);
        var head = new byte[(int)Math.Min(length, 3)];
        head = head[..RandomAccess.Read(file, head, 0)];
        var preamble = head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (Cuts(file, preamble, length, windowBytes) is not { Length: > 1 } cuts) return null;

        var breaks = new int[cuts.Length];
        var charStart = new int[cuts.Length + 1];
        var firstLine = new int[cuts.Length + 1];
        var lines = new WindowLines(cuts.Length);
        var offsets = new (int[] Chars, long[] Bytes)[cuts.Length];
        var memo = new BibMemo();
        var names = new NameTable();
        var lastMacros = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var disk = new BibDiskFields(path, null!, lastMacros); // its offsets once every window is read
        var build = BibtexParser.Builder(path, memo, disk, reuse);
        var cores = Math.Max(1, Math.Min(Cores.Count, cuts.Length));
        var biggest = (int)cuts.Max(c => c.TextTo - c.TextFrom);
        var buffers = Enumerable.Range(0, cores).Select(_ => new Buffers(biggest)).ToArray();
        BibScanner? main = null;
        // Entries and lines per byte of the first window: room is made for as many in the others.
        var (firstBytes, perByte, linesPerByte) = ((double)(cuts[0].To - cuts[0].From), 0.0, 0.0);
        var stop = (Pos: 0, Recovering: false);
        // The first window alone, so that the @strings at the head of a file are known to every other window's scan.
        for (var (round, windows) = (0, 1); round < cuts.Length; round += windows, windows = Math.Min(cores, cuts.Length - round))
        {
            // Each window decoded (its UTF-8 checked) and its own characters and line breaks counted, then where it
            // starts is known from the ones before.
            var owned = new int[windows];
            Cores.Each(windows, i => (owned[i], breaks[round + i]) = buffers[i].Decode(file, cuts[round + i], lead: round + i > 0));
            for (var i = 0; i < windows; i++)
            {
                var w = round + i;
                if ((long)charStart[w] + owned[i] > int.MaxValue / 2) return null;
                charStart[w + 1] = charStart[w] + owned[i];
                firstLine[w + 1] = firstLine[w] + breaks[w];
            }
            var last = round + windows - 1;
            lines.Reserve(firstLine[last] + breaks[last] + 1, Expected(linesPerByte, length));
            var scans = new (BibScanner Scan, (int Pos, bool Recovering) Stop)[windows];
            var known = main?.Macros; // what the windows before defined: values that use them are read at once
            Cores.Each(windows, i =>
            {
                var w = round + i;
                var source = buffers[i].Open(charStart[w] - (w == 0 ? 0 : 1));
                LineStarts(source, charStart[w], charStart[w + 1], lines.Room(firstLine[w], breaks[w]));
                lines.Set(w, firstLine[w], breaks[w], charStart[w]);
                offsets[w] = Checkpoints(source, charStart[w], charStart[w + 1], cuts[w].From);
                var scan = new BibScanner(path, source, lines, known, names: names, build: build, expectedEntries: Expected(perByte, cuts[w].To - cuts[w].From));
                scans[i] = (scan, scan.RunFrom(charStart[w], false, null, end: w + 1 < cuts.Length ? charStart[w + 1] : int.MaxValue));
                scan.KeyHashes(); // here, beside the other core's scan, not in the join
            });
            for (var i = 0; i < windows; i++)
            {
                if (main is null)
                {
                    (main, stop) = scans[i];
                    (perByte, linesPerByte) = (main.Entries.Count / firstBytes, breaks[0] / firstBytes);
                    main.Entries.EnsureCapacity(Expected(perByte, length));
                }
                else if (stop.Pos > charStart[round + i] || !main.Adopt(scans[i].Scan)) return null; // one scan would not give this
                else stop = scans[i].Stop;
                Detach(scans[i].Scan, buffers[i]);
            }
        }

        disk.Offsets = ByteOffsets.FromParts(Strict.CodePage, [.. offsets.SelectMany(o => o.Chars)], [.. offsets.SelectMany(o => o.Bytes)])
            ?? throw new IOException("window checkpoints do not ascend");
        main!.ReadBack = e => new BibText(disk.Offsets.Read(file, e.Start, e.End - e.Start) ?? throw new IOException("the file changed while it was read"), e.Start);
        main.ResolveDeferred();
        if (main.RedefinedMacro) return null; // its entries keep their fields: BibtexParser.ParseLean parses it as a small one
        var (entries, _) = BibtexParser.Finish(main, path, memo, disk, lastMacros);
        // Windows read over seconds from a file rewritten meanwhile (a Zotero export) would mix two versions.
        if (RandomAccess.GetLength(file) != length || File.GetLastWriteTimeUtc(path) != written) return null;
        if (lines.ToIndex(charStart[^1]) is not { } index) return null;
        return new CatalogFile(path, BibtexParser.Format, entries, main.Diagnostics, index) { OnDisk = disk };
    }

    /// <summary>Room for what <paramref name="bytes"/> hold at <paramref name="perByte"/> (entries, line starts), a little
    /// more: a window denser than the first then grows once, not five times.</summary>
    private static int Expected(double perByte, long bytes) => (int)Math.Min(perByte * bytes * 1.05 + 16, Array.MaxLength / 2);

    /// <summary>Gives the entries a window's scan did not build a copy of their text, before its buffer is written again.</summary>
    private static void Detach(BibScanner scan, Buffers buffer)
    {
        foreach (var e in scan.Entries) if (e.Built is null) e.Detach();
        buffer.Close();
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows of at least <paramref name="windowBytes"/>, each but the first starting at an '@' that starts an
    /// entry line ("\n@type{"): the first one that far from the start of the window before.</summary>
    private static Cut[] Cuts(SafeFileHandle file, long preamble, long length, int windowBytes)
    {
        var starts = new List<(long At, long HeadEnd)>();
        var block = new byte[Math.Min(windowBytes, 1 << 20) + 256];
        for (var at = preamble + windowBytes; at < length;)
        {
            var read = RandomAccess.Read(file, block, at);
            if (read == 0) break;
            if (EntryLine(block.AsSpan(0, read)) is { } found)
            {
                starts.Add((at + found.At, at + found.HeadEnd));
                at += found.At + windowBytes;
            }
            else at += Math.Max(1, read - 256); // the blocks overlap by more than any "\n@type {" looked at
        }
        var cuts = new Cut[starts.Count + 1];
        for (var w = 0; w < cuts.Length; w++)
        {
            var from = w == 0 ? preamble : starts[w - 1].At;
            var to = w < starts.Count ? starts[w].At : length;
            cuts[w] = new Cut(from, to, w == 0 ? from : from - 1, w < starts.Count ? starts[w].HeadEnd : length);
        }
        return cuts;
    }

    /// <summary>The first "\n@type{" or "\n@type(" in <paramref name="bytes"/> that ends before it does: where its '@' is
    /// and where its brace ends (what <see cref="BibScanner.StartsEntryLine"/> looks at).</summary>
    private static (int At, int HeadEnd)? EntryLine(ReadOnlySpan<byte> bytes)
    {
        for (var i = bytes.IndexOf("\n@"u8); i >= 0;)
        {
            var p = i + 2;
            while (p < bytes.Length && IsIdByte(bytes[p])) p++;
            var typed = p > i + 2;
            while (p < bytes.Length && bytes[p] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v') p++;
            if (typed && p < bytes.Length && bytes[p] is (byte)'{' or (byte)'(') return (i + 1, p + 1);
            var next = bytes[(i + 1)..].IndexOf("\n@"u8);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return null;
    }

    /// <summary>The scanner's identifier characters, on UTF-8 bytes: every byte of a non-ASCII character is one.</summary>
    private static bool IsIdByte(byte b) =>
        b > (byte)' ' && b is not ((byte)'"' or (byte)'#' or (byte)'%' or (byte)'\'' or (byte)'(' or (byte)')' or (byte)',' or (byte)'=' or (byte)'{' or (byte)'}' or (byte)'@');

    private static void ReadExactly(SafeFileHandle file, Span<byte> into, long at)
    {
        for (var done = 0; done < into.Length;)
        {
            var read = RandomAccess.Read(file, into[done..], at + done);
            if (read == 0) throw new IOException("the file was cut short while it was read");
            done += read;
        }
    }

    /// <summary>Writes each line start a break among the window's own characters [from, to) opens into
    /// <paramref name="starts"/> (as many as its line breaks).</summary>
    private static void LineStarts(BibText source, int from, int to, Span<int> starts)
    {
        // The window's text from its first character on, so that a CR at the end of its own ones sees the LF after it.
        var text = source.Slice(from, source.Length - from);
        if (LineIndex.StartsOpened(text, 0, to - from, starts) != starts.Length) throw new IOException("the file changed while it was read");
        foreach (ref var start in starts) start += from;
    }

    /// <summary>A checkpoint every few thousand of the window's own characters (as <see cref="ByteOffsets.Of"/> makes them).</summary>
    private static (int[] Chars, long[] Bytes) Checkpoints(BibText source, int from, int to, long byteFrom)
    {
        const int Stride = 4096;
        var (chars, bytes) = (new List<int>(), new List<long>());
        for (var (at, b) = (from, byteFrom); at < to;)
        {
            chars.Add(at);
            bytes.Add(b);
            var next = Math.Min(to, at + Stride);
            if (next < to && char.IsHighSurrogate(source.Slice(next - 1, 1)[0])) next++; // never between the halves of a pair
            b += Strict.GetByteCount(source.Slice(at, next - at));
            at = next;
        }
        return ([.. chars], [.. bytes]);
    }

    /// <summary>A core's room to read and decode its windows into, re-used for each.</summary>
    private sealed class Buffers(int bytes)
    {
        private readonly byte[] _bytes = new byte[bytes];
        /// <summary>
        /// Written in place for each window, as <see cref="string.Create{TState}"/>'s callback writes a new string: the
        /// windows' texts are then not garbage the load's GC region keeps (that is the whole point). Nothing keeps it
        /// but the window's <see cref="BibText"/>, closed before it is written again; the entries it served hold copies.
        /// </summary>
        private readonly string _chars = new('\0', bytes);
        private BibText? _window;

        private int _count;

        /// <summary>Reads and decodes a window (a DecoderFallbackException if it is not UTF-8): how many of its
        /// characters are its own (not the line break before it, <paramref name="lead"/>, nor the head of the next entry
        /// line after it) and how many line breaks are among them.</summary>
        public unsafe (int Owned, int Breaks) Decode(SafeFileHandle file, Cut cut, bool lead)
        {
            var bytes = _bytes.AsSpan(0, (int)(cut.TextTo - cut.TextFrom));
            ReadExactly(file, bytes, cut.TextFrom);
            fixed (char* chars = _chars) _count = Strict.GetChars(bytes, new Span<char>(chars, _chars.Length));
            var from = lead ? 1 : 0;
            var to = _count - Strict.GetCharCount(bytes[(int)(cut.To - cut.TextFrom)..]);
            return (to - from, LineIndex.StartsOpened(_chars.AsSpan(0, _count), from, to, default));
        }

        /// <param name="start">Where the window's first character is in the file's text.</param>
        public BibText Open(int start) => _window = new BibText(_chars, start, start + _count);

        public void Close() => _window?.Close();
    }
}
