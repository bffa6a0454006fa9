using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Verification;

/// <summary>The ECDSA P-256 key that signs verification receipts (PKCS#8), made on first use.</summary>
public class ReceiptKey
{
    public int Id { get; set; }
    /// <summary>The RFC 7638 thumbprint of the public key, as the receipts and the JWK name it.</summary>
    public required string KeyId { get; set; }
    public required byte[] PrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ReceiptKeyConfiguration : IEntityTypeConfiguration<ReceiptKey>
{
    public void Configure(EntityTypeBuilder<ReceiptKey> b)
    {
        b.ToTable("receipt_keys");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.KeyId).HasMaxLength(64);
    }
}
