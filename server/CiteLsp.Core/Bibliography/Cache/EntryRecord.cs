using System.Runtime.InteropServices;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>An <see cref="Entry"/> in a cache payload, fixed-size so the entries are one bulk copy and any range of
/// them decodes on its own: strings as string-table indexes (-1 for null), authors and aliases as ranges of the
/// payload's flat person and alias lists, absent date parts as int.MinValue.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct EntryRecord
{
    public const int AuthorsTruncated = 1;

    public int Key, Type, Title, Venue, Doi, Url, ArxivId;
    public int AuthorStart, AuthorCount, AliasStart, AliasCount;
    public int Year, Month, Day, Flags;
    public int Start, Length, KeyStart, KeyLength;
    public ulong ContentHash;
}
