using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Development.Documents;

/// <summary>A person who asked not to get the daily mail of new committee documents.</summary>
public class DocumentMailOptOut
{
    public required string UserId { get; set; }
    public DateTimeOffset OptedOutAt { get; set; }
}

internal sealed class DocumentMailOptOutConfiguration : IEntityTypeConfiguration<DocumentMailOptOut>
{
    public void Configure(EntityTypeBuilder<DocumentMailOptOut> b)
    {
        b.ToTable("document_mail_opt_outs");
        b.HasKey(o => o.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
