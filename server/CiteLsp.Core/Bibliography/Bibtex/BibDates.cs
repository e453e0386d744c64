namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>Dates from biblatex's "date" (ISO 8601 / EDTF start) or from "year", "month" and "day".</summary>
public static class BibDates
{
    public static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    public static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <param name="monthFromMacro">1–12 when the month field was written as a bare jan…dec macro, else 0.</param>
    /// <remarks>Reads the values where they are (no string per year: 1M of them were 40 MB of a big load's garbage).</remarks>
    internal static PartialDate FromFields(BibFields fields, int monthFromMacro)
    {
        if (fields.TryGetSpan("date", out var date) && ParseIso(date) is { Year: not null } d) return d;
        // A month without a year is kept: seed listings know "May 10" but not the year.
        var year = fields.TryGetSpan("year", out var yearText) ? FirstNumber(yearText, 4) : null;
        int? month = monthFromMacro > 0 ? monthFromMacro : fields.TryGetSpan("month", out var m) ? ParseMonth(m) : null;
        int? day = month is not null && fields.TryGetSpan("day", out var dayText) && FirstNumber(dayText, 2) is { } dd and >= 1 and <= 31 ? dd : null;
        return new PartialDate(year, month, day);
    }

    /// <summary>"2007-05-12", "2007-05", "2007/2008", "2004-04-05T14:34:00", "{2002}": the start date.</summary>
    public static PartialDate ParseIso(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && s[i] is ' ' or '{' or '\t' or '\n' or '\r') i++;
        var year = Digits(s, ref i, 4);
        if (year is null) return default;
        if (i >= s.Length || s[i] != '-') return new PartialDate(year);
        i++;
        var month = Digits(s, ref i, 2);
        if (month is not (>= 1 and <= 12)) return new PartialDate(year);
        if (i >= s.Length || s[i] != '-') return new PartialDate(year, month);
        i++;
        var day = Digits(s, ref i, 2);
        return new PartialDate(year, month, day is >= 1 and <= 31 ? day : null);
    }

    /// <summary>"3", "03", "mar", "March", "{March}", "Mar." → 3; anything else → null.</summary>
    public static int? ParseMonth(ReadOnlySpan<char> s)
    {
        var t = s.Trim().Trim("{}").Trim().TrimEnd('.');
        if (int.TryParse(t, out var n)) return n is >= 1 and <= 12 ? n : null;
        if (t.Length < 3) return null;
        for (var m = 0; m < 12; m++)
            if (MonthNames[m].AsSpan().StartsWith(t, StringComparison.OrdinalIgnoreCase))
                return m + 1;
        return null;
    }

    private static int? Digits(ReadOnlySpan<char> s, ref int i, int max)
    {
        var start = i;
        var value = 0;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i])) value = value * 10 + (s[i++] - '0');
        if (i == start || (i < s.Length && char.IsAsciiDigit(s[i]))) return null;
        return value;
    }

    /// <summary>The first run of at most <paramref name="maxDigits"/> digits: "{2002}" → 2002, "2002a" → 2002.</summary>
    private static int? FirstNumber(ReadOnlySpan<char> s, int maxDigits)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i])) continue;
            var start = i;
            var value = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) value = value * 10 + (s[i++] - '0');
            return i - start <= maxDigits ? value : null;
        }
        return null;
    }
}
