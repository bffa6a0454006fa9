using Normative.Features.Catalogue.Identifiers;

namespace Normative.Tests.Features.Catalogue.Identifiers;

public class ValueListTests
{
    [Fact]
    public void ListsWithTheSameItemsAreEqual()
    {
        ValueList<string> a = ["en", "fr"];
        var b = new ValueList<string>(new List<string> { "en", "fr" });

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void OrderAndLengthMatter()
    {
        ValueList<string> a = ["en", "fr"];

        Assert.NotEqual(a, ["fr", "en"]);
        Assert.NotEqual(a, ["en"]);
        Assert.True(a != ["en", "fr", "ru"]);
    }

    [Fact]
    public void DefaultIsTheEmptyList()
    {
        ValueList<int> none = default;

        Assert.True(none.IsEmpty);
        Assert.Empty(none);
        Assert.Equal(ValueList<int>.Empty, []);
        Assert.Equal(none, new ValueList<int>([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => none[0]);
    }

    [Fact]
    public void ChangingTheSourceDoesNotChangeTheList()
    {
        var source = new List<string> { "en" };
        var list = new ValueList<string>(source);

        source.Add("fr");

        Assert.Equal(["en"], list);
    }
}
