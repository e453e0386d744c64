using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Bibliography;

public class KeyGeneratorTests
{
    private static Entry Paper(string family, int? year, string title) =>
        new() { Key = "", Title = title, Authors = [new Person(family, "A.")], Date = new PartialDate(year) };

    [Theory]
    [InlineData("Kaplun", 2022, "Knowledge Distillation: Bad Models", "kaplun2022knowledge")]
    [InlineData("Livne", 2023, "Corgi^2: A Hybrid", "livne2023corgi")]
    [InlineData("Gödel", 1931, "Über formal unentscheidbare Sätze", "godel1931uber")]
    [InlineData("Shalev-Shwartz", null, "The Connection Between", "shalevshwartzconnection")]
    [InlineData("Malach", null, "On the Power of Learning", "malachpower")]
    public void Base_key_is_family_year_first_significant_word(string family, int? year, string title, string expected) =>
        Assert.Equal(expected, KeyGenerator.BaseKey(Paper(family, year, title)));

    [Fact]
    public void Collisions_get_letter_suffixes_in_title_order_whatever_the_input_order()
    {
        var a = Paper("Smith", 2020, "Deep learning B");
        var b = Paper("Smith", 2020, "Deep learning A");
        var c = Paper("Smith", 2020, "Deep nets");
        var forward = KeyGenerator.AssignKeys([a, b, c]).ToDictionary(e => e.Title, e => e.Key);
        var backward = KeyGenerator.AssignKeys([c, b, a]).ToDictionary(e => e.Title, e => e.Key);
        Assert.Equal(forward, backward);
        Assert.Equal("smith2020deep", forward["Deep learning A"]);
        Assert.Equal("smith2020deepa", forward["Deep learning B"]);
        Assert.Equal("smith2020deepb", forward["Deep nets"]);
    }

    [Fact]
    public void Generated_keys_avoid_existing_keys()
    {
        var keyed = KeyGenerator.AssignKeys([Paper("Smith", 2020, "Deep")], new HashSet<string> { "smith2020deep" });
        Assert.Equal("smith2020deepa", keyed[0].Key);
    }
}
