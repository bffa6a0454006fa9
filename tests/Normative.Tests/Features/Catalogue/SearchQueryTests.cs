using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Search;

namespace Normative.Tests.Features.Catalogue;

public class SearchQueryTests
{
    private static SearchQuery Read(string query, out List<string> errors) =>
        SearchQuery.Read(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query), out errors);

    [Fact]
    public void EveryFilterIsReadInItsUsualForms()
    {
        var q = Read("?q=quality&type=ts&status=under-development&stage=40.20&committee=ISO/TC 176&ics=03.120&from=2010&to=2020&language=FR&sort=newest&page=3&pageSize=50", out var errors);

        Assert.Empty(errors);
        Assert.Equal("quality", q.Q);
        Assert.Equal("TS", q.Type);
        Assert.Equal(DeliverableStatus.UnderDevelopment, q.Status);
        Assert.Equal(4020, q.Stage);
        Assert.Equal("ISO/TC 176", q.Committee);
        Assert.Equal("03.120", q.Ics);
        Assert.Equal((2010, 2020), (q.YearFrom, q.YearTo));
        Assert.Equal("fr", q.Language);
        Assert.Equal(SearchSort.Newest, q.Sort);
        Assert.Equal((3, 50), (q.Page, q.PageSize));
    }

    [Theory]
    [InlineData("?type=XYZ", "type")]
    [InlineData("?status=active", "status")]
    [InlineData("?stage=61.61", "stage")]
    [InlineData("?ics=3.1", "ics")]
    [InlineData("?from=1800", "from")]
    [InlineData("?from=2020&to=2010", "from")]
    [InlineData("?language=french", "language")]
    [InlineData("?sort=random", "sort")]
    [InlineData("?sort=1", "sort")]
    [InlineData("?page=-1", "page")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=501", "page")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?page=abc", "page")]
    public void BadValuesAreNamedAndLeftOut(string query, string key)
    {
        var q = Read(query, out var errors);

        Assert.Contains(errors, e => e.StartsWith(key + ":", StringComparison.Ordinal));
        Assert.Equal(1, q.Page);
        Assert.False(q.HasFilters);
    }

    [Fact]
    public void AVeryLongQueryIsCutAndSaidSo()
    {
        var q = Read("?q=" + new string('a', 10_000), out var errors);

        Assert.Equal(SearchQuery.MaxQueryLength, q.Q!.Length);
        Assert.Single(errors);
    }

    [Fact]
    public void WithoutWordsTheNewestComeFirst()
    {
        Assert.Equal(SearchSort.Newest, Read("?type=IS", out _).Sort);
        Assert.Equal(SearchSort.Relevance, Read("?q=9001", out _).Sort);
    }

    [Fact]
    public void LinksChangeOneFilterAndGoBackToTheFirstPage()
    {
        var q = Read("?q=quality&type=IS&page=4", out _);

        Assert.Equal("?q=quality&status=published", q.ToQueryString(("type", null), ("status", "published")));
        Assert.Equal("?q=quality&type=IS&page=2", q.ToQueryString(("page", "2")));
    }

    [Fact]
    public void IdentifiersAreRecognisedTypedAnyOldWay()
    {
        Assert.Equal("ISO 9001", CatalogueSearch.ReadIdentifier("iso9001")!.ToString());
        Assert.Equal("ISO/IEC 27001:2022", CatalogueSearch.ReadIdentifier("ISO/IEC 27001 2022")!.ToString());
        Assert.Equal("ISO 9001", CatalogueSearch.ReadIdentifier("9001")!.ToString());
        Assert.Equal("ISO/TS 16949", CatalogueSearch.ReadIdentifier("TS 16949")!.ToString());
        Assert.Equal("ISO 9001:2015/Amd 1:2024", CatalogueSearch.ReadIdentifier("ISO 9001:2015/AMD1:2024")!.ToString());
        Assert.Null(CatalogueSearch.ReadIdentifier("quality management"));
        Assert.Null(CatalogueSearch.ReadIdentifier("ISO 9001 quality"));
    }

    [Fact]
    public void WordsAreLowerCaseWithoutAccentsAndWithoutPunctuation()
    {
        Assert.Equal(["qualite", "de", "eau"], CatalogueSearch.Tokenize("Qualité de l'eau"));
        Assert.Equal(["drop", "table", "deliverables", "1"], CatalogueSearch.Tokenize("'; DROP TABLE deliverables; -- 1"));
        Assert.Equal(CatalogueSearch.MaxWords, CatalogueSearch.Tokenize(string.Join(' ', Enumerable.Range(100, 50))).Count);
    }
}
