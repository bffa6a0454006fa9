using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Normative.Features.Catalogue;

/// <summary>
/// A deliverable as ISO's open data describes it (iso_deliverables_metadata): a standard, a
/// specification, a report, a supplement, a draft or a withdrawn edition.
/// </summary>
public class Deliverable
{
    private string _reference = "";

    /// <summary>The open-data id (ISO's numbers, e.g. 62085 for ISO 9001:2015).</summary>
    public int Id { get; set; }
    public required string DeliverableType { get; set; }
    public string? SupplementType { get; set; }

    /// <summary>The reference as published ("ISO 9001:2015/Amd 1:2024"). Setting it derives the keys below.</summary>
    public required string Reference
    {
        get => _reference;
        set
        {
            _reference = value;
            var keys = DeliverableKeys.Of(value);
            BaseKey = keys.BaseKey;
            SupplementOf = keys.SupplementOf;
            DocNumber = keys.Number;
            DocPart = keys.Part;
            SortKey = keys.SortKey;
        }
    }

    /// <summary>Null for a deliverable published without an English title (in French only, say); see <see cref="TitleIn"/>.</summary>
    public string? TitleEn { get; set; }
    public string? TitleFr { get; set; }
    /// <summary>Titles in languages other than English and French, by language code ("es", "ru", "de").</summary>
    public Dictionary<string, string> OtherTitles { get; set; } = [];
    public DateOnly? PublicationDate { get; set; }
    public int? Edition { get; set; }
    public List<string> IcsCodes { get; set; } = [];
    public string? OwnerCommittee { get; set; }
    /// <summary>The harmonized stage code as an integer: 6060 is stage 60.60.</summary>
    public int CurrentStage { get; set; }
    public List<int> Replaces { get; set; } = [];
    public List<int> ReplacedBy { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public int? PagesEn { get; set; }
    public int? PagesFr { get; set; }
    public string? ScopeEn { get; set; }
    public string? ScopeFr { get; set; }
    /// <summary>The numbers of the UN Sustainable Development Goals it serves (1 to 17, ascending; see <see cref="Sdgs.Sdg"/>).</summary>
    public List<int> Sdgs { get; set; } = [];

    /// <summary>Every edition and draft of one document shares it ("ISO 9001"); see <see cref="DeliverableKeys"/>.</summary>
    public string? BaseKey { get; private set; }
    /// <summary>For a supplement, the reference of what it amends ("ISO 9001:2015").</summary>
    public string? SupplementOf { get; private set; }
    public int? DocNumber { get; private set; }
    public string? DocPart { get; private set; }
    public string SortKey { get; private set; } = "";

    /// <summary>Derived from the stage by PostgreSQL (a generated column), like the two below.</summary>
    public DeliverableStatus Status { get; private set; }
    /// <summary>The ICS codes with their groups and fields ("03", "03.120", "03.120.10").</summary>
    public List<string> IcsPaths { get; private set; } = [];
    public NpgsqlTsVector SearchVector { get; private set; } = NpgsqlTsVector.Empty;
    /// <summary>Goes up on every update, whoever makes it (a trigger): an Editor's form carries it so a stale save is refused.</summary>
    public int RowVersion { get; private set; }

    /// <summary>The title to show a reader of <paramref name="language"/>, with the language it is written in.</summary>
    public LocalTitle TitleIn(string language) => LocalTitle.Pick(language, TitleEn, TitleFr, OtherTitles, Languages, Reference);
}

internal sealed class DeliverableConfiguration : IEntityTypeConfiguration<Deliverable>
{
    private const string StatusSql =
        "CASE WHEN current_stage = 9599 THEN 'Withdrawn' WHEN current_stage >= 6060 THEN 'Published' " +
        "WHEN current_stage % 100 = 98 THEN 'Deleted' ELSE 'UnderDevelopment' END";

    private const string SearchVectorSql =
        "setweight(to_tsvector('catalogue_en'::regconfig, translate(reference, '/:-.(),', '       ')), 'A') " +
        "|| setweight(to_tsvector('catalogue_en'::regconfig, coalesce(title_en, '')), 'B') " +
        "|| setweight(to_tsvector('catalogue_fr'::regconfig, coalesce(title_fr, '')), 'B') " +
        "|| setweight(jsonb_to_tsvector('catalogue_simple'::regconfig, other_titles, '[\"string\"]'), 'B') " +
        "|| setweight(to_tsvector('catalogue_en'::regconfig, coalesce(scope_en, '')), 'C') " +
        "|| setweight(to_tsvector('catalogue_fr'::regconfig, coalesce(scope_fr, '')), 'D')";

    public void Configure(EntityTypeBuilder<Deliverable> b)
    {
        b.ToTable("deliverables");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.DeliverableType).HasMaxLength(20);
        b.Property(d => d.SupplementType).HasMaxLength(20);
        b.Property(d => d.Reference).HasMaxLength(200).HasField("_reference").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Property(d => d.OwnerCommittee).HasMaxLength(100);
        b.Property(d => d.OtherTitles)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, c) => a!.Count == c!.Count && !a.Except(c).Any(),
                    v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                    v => new Dictionary<string, string>(v)));
        b.Property(d => d.BaseKey).HasMaxLength(200);
        b.Property(d => d.SupplementOf).HasMaxLength(200);
        b.Property(d => d.DocPart).HasMaxLength(40);
        b.Property(d => d.SortKey).HasMaxLength(200);
        // Generated by PostgreSQL (Data/Migrations/0100_catalogue_search.sql); the same SQL here for 'schema script'.
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).HasComputedColumnSql(StatusSql, stored: true);
        b.Property(d => d.IcsPaths).HasComputedColumnSql("catalogue_ics_paths(ics_codes)", stored: true);
        b.Property(d => d.SearchVector).HasComputedColumnSql(SearchVectorSql, stored: true);
        b.HasIndex(d => d.Reference);
        b.HasIndex(d => d.OwnerCommittee).HasOperators("varchar_pattern_ops");
        b.HasIndex(d => d.BaseKey);
        b.HasIndex(d => d.SupplementOf);
        b.HasIndex(d => d.Sdgs).HasMethod("gin");
        b.Property(d => d.RowVersion).IsConcurrencyToken().ValueGeneratedOnAddOrUpdate();
    }
}
