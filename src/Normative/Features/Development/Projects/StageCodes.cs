using System.Globalization;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Features.Development.Projects;

/// <summary>
/// The International harmonized stage codes (ISO/IEC Directives, Part 1, Annex SD), stored as
/// integers the way the catalogue stores them: 4020 is 40.20. Names are the resources "Stage.4020".
/// </summary>
public static class StageCodes
{
    public const int PreliminaryRegistered = 0;
    public const int ProposalRegistered = 1000;
    public const int NpBallot = 1020;
    public const int NpClosed = 1060;
    public const int NpApproved = 1099;
    public const int Registered = 2000;
    public const int CdBallot = 3020;
    public const int DisRegistered = 4000;
    public const int DisBallot = 4020;
    public const int DisClosed = 4060;
    public const int DisApproved = 4099;
    public const int FdisBallot = 5020;
    public const int UnderPublication = 6000;
    public const int Published = 6060;
    public const int ReviewBallot = 9020;
    public const int ToBeRevised = 9092;
    public const int Confirmed = 9093;
    public const int WithdrawalProposed = 9099;
    public const int Withdrawn = 9599;

    /// <summary>Every code of the table, in order (the catalogue's table: one list for the whole site).</summary>
    public static IReadOnlyList<int> All => HarmonizedStages.All;

    /// <summary>The main stages: 00 preliminary … 95 withdrawal.</summary>
    public static readonly IReadOnlyList<int> Groups = [0, 10, 20, 30, 40, 50, 60, 90, 95];

    public static bool IsKnown(int code) => HarmonizedStages.IsKnown(code);

    /// <summary>"40.20" for 4020.</summary>
    public static string Format(int code) => HarmonizedStages.Format(code);

    /// <summary>Reads "40.20", "4020" or "40,20"; only codes of the table.</summary>
    public static bool TryParse(string? text, out int code)
    {
        code = 0;
        var t = text?.Trim() ?? "";
        var digits = t.Length == 5 && t[2] is '.' or ',' ? t[..2] + t[3..] : t;
        if (digits.Length != 4 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        code = int.Parse(digits, CultureInfo.InvariantCulture);
        return IsKnown(code);
    }

    /// <summary>The stage's name in CatalogueText ("Stage.4020"): the catalogue and the development pages name a stage alike.</summary>
    public static string NameKey(int code) => HarmonizedStages.NameKey(code);

    public static string GroupKey(int code) => string.Create(CultureInfo.InvariantCulture, $"StageGroup.{code / 100:00}");

    /// <summary>A project deleted at some stage (xx.98) or a withdrawn standard: nothing more happens.</summary>
    public static bool IsTerminal(int code) => code % 100 == 98 || code == Withdrawn;

    /// <summary>Published, under review or withdrawn: the deliverable exists.</summary>
    public static bool IsPublished(int code) => code >= Published;

    /// <summary>The stage abbreviation a draft carries at this stage ("ISO/DIS"), or null once published.</summary>
    public static DraftStage? DraftStageFor(int code) => code switch
    {
        < 1000 => DraftStage.PWI,
        < 2000 => DraftStage.NP,
        2000 => DraftStage.AWI,
        < 3000 => DraftStage.WD,
        < 4000 => DraftStage.CD,
        < 5000 => DraftStage.DIS,
        < 6000 => DraftStage.FDIS,
        6000 => DraftStage.PRF,
        _ => null,
    };
}
