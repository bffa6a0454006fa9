using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Verification;

/// <summary>
/// A word that occurs in organization names, with how many organizations have it. Kept by the
/// importer. A search looks up a typed word here by trigram similarity (a few thousand distinct
/// words rather than millions of names) and then finds the names through their word index.
/// </summary>
public class OrganizationWord
{
    public required string Word { get; set; }
    public int Organizations { get; set; }
}

internal sealed class OrganizationWordConfiguration : IEntityTypeConfiguration<OrganizationWord>
{
    public void Configure(EntityTypeBuilder<OrganizationWord> b)
    {
        b.ToTable("organization_words");
        b.HasKey(x => x.Word);
        b.HasIndex(x => x.Word).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
