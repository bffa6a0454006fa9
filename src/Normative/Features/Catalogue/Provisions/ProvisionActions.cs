using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Reading;

namespace Normative.Features.Catalogue.Provisions;

/// <summary>Finds and stores the provisions of a text from its stored clauses (called by the import, in its transaction).</summary>
public static class ProvisionActions
{
    /// <summary>
    /// Only the clauses that may hold provisions: the Directives forbid requirements in the
    /// foreword, the introduction, the scope, the normative references and the definitions.
    /// </summary>
    public static bool HoldsProvisions(ClauseKind kind) => kind is ClauseKind.Clause or ClauseKind.Annex;

    /// <summary>Replaces the text's provisions with those its clauses hold now; returns how many.</summary>
    public static async Task<int> ComputeAsync(NormativeDb db, int textId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = await db.StandardTexts.AsNoTracking().Where(t => t.Id == textId)
            .Select(t => new { t.Language, t.Edition, Reference = db.Deliverables.Where(d => d.Id == t.DeliverableId).Select(d => d.Reference).First() })
            .SingleAsync(ct);
        await db.TextProvisions.Where(p => p.TextId == textId).ExecuteDeleteAsync(ct);
        if (!ProvisionRules.Supports(text.Language))
        {
            return 0;
        }
        var clauses = await db.TextClauses.AsNoTracking().Where(c => c.TextId == textId).OrderBy(c => c.Ordinal)
            .Select(c => new { c.Ordinal, c.Number, c.Anchor, c.Kind, c.Html }).ToListAsync(ct);
        var provisions = new List<TextProvision>();
        foreach (var clause in clauses.Where(c => HoldsProvisions(c.Kind)))
        {
            var found = ProvisionRules.Find(clause.Html, text.Language);
            for (var i = 0; i < found.Count; i++)
            {
                provisions.Add(new TextProvision
                {
                    TextId = textId, ClauseOrdinal = clause.Ordinal, Ordinal = i + 1, Kind = found[i].Kind, Negative = found[i].Negative,
                    Text = found[i].Text, Identifier = ProvisionIds.Of(text.Reference, text.Edition, text.Language, clause.Number ?? clause.Anchor, i + 1),
                });
            }
        }
        db.TextProvisions.AddRange(provisions);
        await db.SaveChangesAsync(ct);
        return provisions.Count;
    }
}
