using System.Text;

namespace CiteLsp.Tests.Server;

/// <summary>
/// Writes catalogs in the "profile" seed format (title / "Family, Given" authors / abstract of 25+ words),
/// a format CatalogLoader recognises by content, for tests that need catalog files of known size.
/// </summary>
internal static class SeedCatalogs
{
    public static string Profile(int count, string titleWord = "Learning")
    {
        var sb = new StringBuilder("Profile page\n");
        for (var i = 0; i < count; i++) AppendPaper(sb, i, titleWord);
        return sb.ToString();
    }

    public static void AppendPaper(StringBuilder sb, int i, string titleWord = "Learning")
    {
        sb.Append($"{titleWord} Parities Number {i}\n");
        sb.Append($"{FamilyName(i)}, Ada, Lovelace, Ada\n");
        sb.Append(string.Join(' ', Enumerable.Repeat("we study sparse parities with stochastic gradient descent", 4))).Append(".\n");
    }

    /// <summary>Letters only (the format's name check rejects digits): Fa, Fb, …, Faa, ….</summary>
    public static string FamilyName(int i)
    {
        var s = "";
        for (var k = i + 1; k > 0; k = (k - 1) / 26) s = (char)('a' + (k - 1) % 26) + s;
        return "F" + s;
    }
}
