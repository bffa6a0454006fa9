namespace Normative.Features.Content.Updates;

/// <summary>What a committee topic shows and matches: the committee's current reference and its titles.</summary>
public sealed record CommitteeName(string Slug, string Reference, string TitleEn, string? TitleFr)
{
    public string TitleIn(string language) => language == "fr" && !string.IsNullOrEmpty(TitleFr) ? TitleFr : TitleEn;
}
