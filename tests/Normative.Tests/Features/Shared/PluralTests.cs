using System.Globalization;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;

namespace Normative.Tests.Features.Shared;

public class PluralTests
{
    [Theory]
    [InlineData("en", 0, "Other")]
    [InlineData("en", 1, "One")]
    [InlineData("en", 2, "Other")]
    [InlineData("es", 1, "One")]
    [InlineData("fr", 0, "One")]
    [InlineData("fr", 1, "One")]
    [InlineData("fr", 2, "Other")]
    [InlineData("ru", 1, "One")]
    [InlineData("ru", 21, "One")]
    [InlineData("ru", 11, "Many")]
    [InlineData("ru", 2, "Few")]
    [InlineData("ru", 24, "Few")]
    [InlineData("ru", 12, "Many")]
    [InlineData("ru", 5, "Many")]
    [InlineData("ru", 0, "Many")]
    [InlineData("ru", 111, "Many")]
    public void TheCategoryFollowsTheLanguagesRules(string language, long n, string category) =>
        Assert.Equal(category, Plurals.Category(n, language));

    [Fact]
    public void OneResultIsSaidInTheSingular()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            var texts = new Texts(new() { ["Count.One"] = "{0} result", ["Count.Other"] = "{0} results", ["Count.Few"] = "{0} few" });
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("1 result", texts.Plural("Count", 1).Value);
            Assert.Equal("3 results", texts.Plural("Count", 3).Value);
            CultureInfo.CurrentUICulture = new CultureInfo("ru");
            Assert.Equal("3 few", texts.Plural("Count", 3).Value);
            Assert.Equal("5 results", texts.Plural("Count", 5).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed class Texts(Dictionary<string, string> values) : IStringLocalizer
    {
        public LocalizedString this[string name] => values.TryGetValue(name, out var v) ? new(name, v) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            values.TryGetValue(name, out var v) ? new(name, string.Format(CultureInfo.InvariantCulture, v, arguments)) : new(name, name, resourceNotFound: true);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => values.Select(kv => new LocalizedString(kv.Key, kv.Value));
    }
}
