using CiteLsp.Core.Text;

namespace CiteLsp.Fuzz.Engine;

/// <summary>Assertions shared by the harnesses; each throws <see cref="FuzzCheckException"/>.</summary>
internal static class Check
{
    public static void That(bool condition, string property, Func<string> detail)
    {
        if (!condition) throw new FuzzCheckException(property, detail());
    }

    /// <summary>A reported span lies inside the text it refers to.</summary>
    public static void Inside(SourceSpan span, string text, string what) =>
        That(span.Start >= 0 && span.Length >= 0 && span.End <= text.Length, "span-inside-text",
            () => $"{what} span [{span.Start}, +{span.Length}] outside text of length {text.Length}");

    public static void Inside(SourceSpan span, SourceSpan outer, string what) =>
        That(span.Start >= outer.Start && span.End <= outer.End, "span-inside-span",
            () => $"{what} span [{span.Start}, +{span.Length}] outside [{outer.Start}, +{outer.Length}]");

    public static void Equal<T>(T expected, T actual, string property, string what) =>
        That(EqualityComparer<T>.Default.Equals(expected, actual), property, () => $"{what}: expected «{expected}», got «{actual}»");
}
