using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Accounts;

/// <summary>
/// Identity's passkey rows in <c>user_passkeys</c>. Identity maps them only in its schema version 3,
/// which also re-keys the login and token tables; the schema here stays on version 1 and maps the
/// passkey table on its own, its data as one jsonb value (Identity updates it in place, so it is
/// compared by content).
/// </summary>
internal sealed class UserPasskeyConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<string>>
{
    // Public (in an internal class): the compiled model (Data/CompiledModel) converts through it too.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> b)
    {
        b.ToTable("user_passkeys");
        b.HasKey(p => p.CredentialId);
        b.HasIndex(p => p.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).IsRequired();
        b.Property(p => p.Data)
            .HasColumnType("jsonb")
            .HasConversion(
                d => JsonSerializer.Serialize(d, Json),
                s => JsonSerializer.Deserialize<IdentityPasskeyData>(s, Json)!,
                new ValueComparer<IdentityPasskeyData>(
                    (x, y) => JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json),
                    d => JsonSerializer.Serialize(d, Json).GetHashCode(StringComparison.Ordinal),
                    d => JsonSerializer.Deserialize<IdentityPasskeyData>(JsonSerializer.Serialize(d, Json), Json)!));
    }
}
