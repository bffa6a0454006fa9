using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>A code of the International Classification for Standards: field (01), group (01.040) or sub-group (01.040.01).</summary>
public class IcsCode
{
    public required string Code { get; set; }
    public string? Parent { get; set; }
    public required string Title { get; set; }
    /// <summary>The French title, when the imported file has one.</summary>
    public string? TitleFr { get; set; }
    public List<string> Notes { get; set; } = [];

    /// <summary>The title in the page's language: French when there is one, English otherwise.</summary>
    public string TitleIn(string language) => language == "fr" && !string.IsNullOrEmpty(TitleFr) ? TitleFr : Title;

    /// <summary>
    /// The <c>lang</c> of <see cref="TitleIn"/>'s text on a page in <paramref name="language"/>: null
    /// when the title is in the page's language, else the language it is in (English, as ICS titles
    /// exist only in English and French), so that a screen reader says it as written.
    /// </summary>
    public string? TitleLang(string language)
    {
        var shown = language == "fr" && !string.IsNullOrEmpty(TitleFr) ? "fr" : "en";
        return shown == language ? null : shown;
    }
}

internal sealed class IcsCodeConfiguration : IEntityTypeConfiguration<IcsCode>
{
    public void Configure(EntityTypeBuilder<IcsCode> b)
    {
        b.ToTable("ics_codes");
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(12);
        b.Property(i => i.Parent).HasMaxLength(12);
        b.HasIndex(i => i.Parent);
    }
}
