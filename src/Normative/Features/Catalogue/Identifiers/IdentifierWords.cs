using System.Collections.Frozen;

namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// The words that may appear in an identifier, in every spelling the parser accepts, and the
/// words the renderer writes in each language. Lookups take spans so parsing allocates no keys.
/// </summary>
internal static class IdentifierWords
{
    /// <summary>
    /// A word before the document number: a publisher, a type, a stage, a stage fused with a
    /// type ("DTS"), or a body whose identifiers are not ISO's (<see cref="ForeignBody"/> says who it is).
    /// </summary>
    internal readonly record struct PrefixWord(
        string? Publisher = null,
        DeliverableType? Type = null,
        DraftStage? Stage = null,
        string? ForeignBody = null);

    /// <summary>A supplement word, possibly with its stage fused in front ("FDAmd", "PDAM", "DCOR").</summary>
    internal readonly record struct SupplementWord(SupplementKind Kind, DraftStage? Stage);

    /// <summary>Every body that may appear in the publisher block; the first must be ISO or IEC.</summary>
    internal static readonly FrozenSet<string> Publishers = FrozenSet.Create(
        StringComparer.Ordinal, "ISO", "IEC", "IEEE", "ASTM", "SAE", "HL7", "CIE", "OECD", "IDF");

    internal static readonly FrozenDictionary<string, PrefixWord>.AlternateLookup<ReadOnlySpan<char>> Prefix =
        BuildPrefixWords().GetAlternateLookup<ReadOnlySpan<char>>();

    internal static readonly FrozenDictionary<string, SupplementWord>.AlternateLookup<ReadOnlySpan<char>> Supplement =
        BuildSupplementWords().GetAlternateLookup<ReadOnlySpan<char>>();

    internal static string KindWord(SupplementKind kind) => kind switch
    {
        SupplementKind.Amd => "Amd",
        SupplementKind.Cor => "Cor",
        SupplementKind.Add => "Add",
        _ => "Suppl",
    };

    internal static string KindName(SupplementKind kind) => kind switch
    {
        SupplementKind.Amd => "amendment",
        SupplementKind.Cor => "corrigendum",
        SupplementKind.Add => "addendum",
        _ => "supplement",
    };

    private static FrozenDictionary<string, PrefixWord> BuildPrefixWords()
    {
        var words = new Dictionary<string, PrefixWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var publisher in Publishers)
        {
            words[publisher] = new(Publisher: publisher);
        }

        words["CEI"] = new(Publisher: "IEC");
        words["ИСО"] = new(Publisher: "ISO");
        words["МЭК"] = new(Publisher: "IEC");

        foreach (var type in new[] { "TS", "TR", "PAS", "IWA", "Guide", "ISP", "DIR", "R", "TTA" })
        {
            words[type] = new(Type: Enum.Parse<DeliverableType>(type));
        }

        words["Directives"] = new(Type: DeliverableType.DIR);
        words["ТС"] = new(Type: DeliverableType.TS);
        words["ТО"] = new(Type: DeliverableType.TR);
        words["Руководство"] = new(Type: DeliverableType.Guide);
        words["Руководства"] = new(Type: DeliverableType.Guide);

        foreach (var stage in Enum.GetValues<DraftStage>())
        {
            words[stage.ToString()] = new(Stage: stage);
        }

        // Older and national spellings of the same stages.
        words["NWIP"] = new(Stage: DraftStage.NP);
        words["NWI"] = new(Stage: DraftStage.NP);
        words["DP"] = new(Stage: DraftStage.CD);
        words["ПМС"] = new(Stage: DraftStage.DIS);
        words["ОПМС"] = new(Stage: DraftStage.FDIS);

        // Stage fused with a type: DTS, FDTR, DPAS, and the older PDTS and CDTR for committee drafts.
        foreach (var type in new[] { DeliverableType.TS, DeliverableType.TR, DeliverableType.PAS })
        {
            words["D" + type] = new(Type: type, Stage: DraftStage.DIS);
            words["FD" + type] = new(Type: type, Stage: DraftStage.FDIS);
            words["PD" + type] = new(Type: type, Stage: DraftStage.CD);
            words["CD" + type] = new(Type: type, Stage: DraftStage.CD);
        }

        words["CEN"] = new(ForeignBody: "it is the European Committee for Standardization");
        words["CENELEC"] = new(ForeignBody: "it is the European Committee for Electrotechnical Standardization");
        words["EN"] = new(ForeignBody: "EN marks a European Standard from CEN or CENELEC");
        words["ETSI"] = new(ForeignBody: "it is the European Telecommunications Standards Institute");
        words["JCGM"] = new(ForeignBody: "it is the Joint Committee for Guides in Metrology");
        words["ITU"] = new(ForeignBody: "it is the International Telecommunication Union");
        words["BS"] = new(ForeignBody: "BS marks a British Standard");
        words["DIN"] = new(ForeignBody: "DIN marks a German standard");
        words["NF"] = new(ForeignBody: "NF marks a French standard");
        words["ANSI"] = new(ForeignBody: "ANSI marks an American National Standard");
        words["ГОСТ"] = new(ForeignBody: "ГОСТ marks a Russian or interstate standard");
        words["GOST"] = new(ForeignBody: "GOST marks a Russian or interstate standard");
        words["JIS"] = new(ForeignBody: "JIS marks a Japanese Industrial Standard");
        words["GB"] = new(ForeignBody: "GB marks a Chinese national standard");
        words["CSA"] = new(ForeignBody: "CSA marks a Canadian standard");
        words["AS"] = new(ForeignBody: "AS marks an Australian Standard");
        words["UNE"] = new(ForeignBody: "UNE marks a Spanish standard");
        words["UNI"] = new(ForeignBody: "UNI marks an Italian standard");
        words["NEN"] = new(ForeignBody: "NEN marks a Dutch standard");
        words["SN"] = new(ForeignBody: "SN marks a Swiss standard");
        words["SS"] = new(ForeignBody: "SS marks a Swedish standard");
        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenDictionary<string, SupplementWord> BuildSupplementWords()
    {
        var kinds = new (string Spelling, SupplementKind Kind)[]
        {
            ("Amd", SupplementKind.Amd), ("AM", SupplementKind.Amd), ("Amendment", SupplementKind.Amd),
            ("Cor", SupplementKind.Cor), ("Corrigendum", SupplementKind.Cor),
            ("Add", SupplementKind.Add), ("AD", SupplementKind.Add), ("Addendum", SupplementKind.Add),
            ("Suppl", SupplementKind.Suppl), ("Sup", SupplementKind.Suppl), ("Supplement", SupplementKind.Suppl),
        };

        // D = enquiry draft, FD or F = final draft, PD = proposed draft (a committee draft),
        // FPD = final proposed draft (JTC 1's former enquiry ballot), CD = committee draft.
        var prefixes = new (string Prefix, DraftStage? Stage)[]
        {
            ("", null), ("D", DraftStage.DIS), ("FD", DraftStage.FDIS), ("F", DraftStage.FDIS),
            ("PD", DraftStage.CD), ("FPD", DraftStage.DIS), ("CD", DraftStage.CD),
        };

        var words = new Dictionary<string, SupplementWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var (prefix, stage) in prefixes)
        {
            foreach (var (spelling, kind) in kinds)
            {
                words[prefix + spelling] = new(kind, stage);
            }
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
