using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>A word of the catalogue's titles (unaccented, lower case) and how many deliverables use it: the vocabulary that typo tolerance corrects towards.</summary>
public class CatalogueWord
{
    public required string Word { get; set; }
    public int DocumentCount { get; set; }
}

internal sealed class CatalogueWordConfiguration : IEntityTypeConfiguration<CatalogueWord>
{
    public void Configure(EntityTypeBuilder<CatalogueWord> b)
    {
        b.ToTable("catalogue_words");
        b.HasKey(w => w.Word);
    }
}
