using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Statistics;

/// <summary>
/// How many certificates of a standard (any status) were first issued in <see cref="FirstYear"/> and
/// stopped, or will stop, counting in <see cref="EndYear"/>. Written only by the triggers of
/// migration 0304, read by the year series of the statistics.
/// </summary>
public class CertificateSpanTally
{
    public required string Standard { get; set; }
    public int FirstYear { get; set; }
    public int EndYear { get; set; }
    public long Certificates { get; set; }
}

internal sealed class CertificateSpanTallyConfiguration : IEntityTypeConfiguration<CertificateSpanTally>
{
    public void Configure(EntityTypeBuilder<CertificateSpanTally> b)
    {
        b.ToTable("certificate_span_tallies");
        b.HasKey(x => new { x.Standard, x.FirstYear, x.EndYear });
    }
}
