namespace CiteLsp.Core.Bibliography;

/// <summary>A date whose year, month or day may be unknown (seed listings often omit the year).</summary>
/// <remarks>Packed in 8 bytes (three nullable ints took 24): a million entries each carry one. A month or day
/// outside 1–255 is not a month or day and reads as unknown.</remarks>
public readonly record struct PartialDate
{
    private readonly int _year;
    private readonly bool _hasYear;
    private readonly byte _month, _day;

    public PartialDate(int? Year, int? Month = null, int? Day = null)
    {
        (_year, _hasYear) = (Year ?? 0, Year is not null);
        _month = Month is >= 1 and <= 255 ? (byte)Month : (byte)0;
        _day = Day is >= 1 and <= 255 ? (byte)Day : (byte)0;
    }

    public int? Year => _hasYear ? _year : null;
    public int? Month => _month == 0 ? null : _month;
    public int? Day => _day == 0 ? null : _day;

    public override string ToString() =>
        Year is null
            ? (Month is null ? "" : Day is null ? $"--{Month:00}" : $"--{Month:00}-{Day:00}")
            : Month is null ? $"{Year:0000}" : Day is null ? $"{Year:0000}-{Month:00}" : $"{Year:0000}-{Month:00}-{Day:00}";
}
