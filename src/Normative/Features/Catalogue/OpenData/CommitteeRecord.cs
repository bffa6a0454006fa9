namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// One committee in the shape of ISO's open-data file iso_technical_committees (JSON Lines or
/// CSV). Members are kept as the file lists them (acronyms); nothing else is made of them here.
/// </summary>
public sealed record CommitteeRecord(
    int Id,
    string Reference,
    string Status,
    string TitleEn,
    string? TitleFr,
    string? Secretariat,
    int? ParentId,
    string? ParentReference,
    string? Scope,
    DateOnly? CreationDate,
    IReadOnlyList<string> PMembers,
    IReadOnlyList<string> OMembers)
{
    public static readonly IReadOnlyList<string> SignatureFields = ["id", "reference", "title|title.en"];

    public static CommitteeRecord Read(RecordFields f)
    {
        var id = f.Int("id") ?? throw new BadLineException("id is missing");
        if (id <= 0)
        {
            throw new BadLineException($"id must be a positive number, not {id}");
        }
        var reference = f.Required("reference").Trim();
        if (reference.Length > 100)
        {
            throw new BadLineException("reference is longer than 100 characters");
        }
        var title = f.FirstText("title.en", "title")?.Trim() ?? throw new BadLineException("title is missing");
        var status = f.Text("status")?.Trim() ?? "Active";
        if (status.Length > 30)
        {
            throw new BadLineException("status is longer than 30 characters");
        }
        var secretariat = f.FirstText("secretariat.acronym", "secretariat")?.Trim();
        if (secretariat is { Length: > 100 })
        {
            throw new BadLineException("secretariat is longer than 100 characters");
        }
        // ISO gives parentId; other files may give the parent's reference or {"id", "reference"}.
        var parentId = f.Has("parentId") ? f.Int("parentId") : f.Has("parent.id") ? f.Int("parent.id") : null;
        var parentReference = f.FirstText("parent.reference", "parent")?.Trim();
        if (parentId is null && int.TryParse(parentReference, System.Globalization.CultureInfo.InvariantCulture, out var numeric))
        {
            (parentId, parentReference) = (numeric, null);
        }
        if (parentId == id || parentReference == reference)
        {
            throw new BadLineException("a committee cannot be its own parent");
        }
        return new CommitteeRecord(
            id, reference, status, title, f.Text("title.fr")?.Trim(), secretariat, parentId,
            parentId is null ? parentReference ?? CommitteeReferences.ParentOf(reference) : null,
            f.FirstText("scope.en", "scope"), f.Date("creationDate"),
            Members(f, "pMembers"), Members(f, "oMembers"));
    }

    private static List<string> Members(RecordFields f, string name) =>
        (f.Has(name + ".acronym") ? f.TextList(name + ".acronym") : f.TextList(name, "acronym"))
            .Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
}
