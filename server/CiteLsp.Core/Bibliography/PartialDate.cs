namespace CiteLsp.Core.Bibliography;

/// <summary>A date whose year, month or day may be unknown (seed listings often omit the year).</summary>
public readonly record struct PartialDate(int? Year, int? Month = null, int? Day = null)
{
    public override string ToString() =>
        Year is null
            ? (Month is null ? "" : Day is null ? $"--{Month:00}" : $"--{Month:00}-{Day:00}")
            : Month is null ? $"{Year:0000}" : Day is null ? $"{Year:0000}-{Month:00}" : $"{Year:0000}-{Month:00}-{Day:00}";
}
