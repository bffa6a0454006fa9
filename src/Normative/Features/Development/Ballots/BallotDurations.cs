using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// How many weeks each kind of ballot stays open unless its committee manager sets a date:
/// configuration section Development:Ballots:Weeks (e.g. Development__Ballots__Weeks__FDIS=8).
/// The defaults are <see cref="BallotRule.DefaultWeeks"/>, which follow the edition of the
/// Directives named in the README.
/// </summary>
public sealed class BallotDurations
{
    public const string Section = "Development:Ballots:Weeks";

    [Range(1, 52)]
    public int NP { get; set; } = BallotRules.For(BallotKind.NP).DefaultWeeks;

    [Range(1, 52)]
    public int CD { get; set; } = BallotRules.For(BallotKind.CD).DefaultWeeks;

    [Range(1, 52)]
    public int DIS { get; set; } = BallotRules.For(BallotKind.DIS).DefaultWeeks;

    [Range(1, 52)]
    public int FDIS { get; set; } = BallotRules.For(BallotKind.FDIS).DefaultWeeks;

    [Range(1, 52)]
    public int SR { get; set; } = BallotRules.For(BallotKind.SR).DefaultWeeks;

    [Range(1, 52)]
    public int CIB { get; set; } = BallotRules.For(BallotKind.CIB).DefaultWeeks;

    [Range(1, 52)]
    public int Withdrawal { get; set; } = BallotRules.For(BallotKind.Withdrawal).DefaultWeeks;

    /// <summary>How long a ballot of this kind stays open by default.</summary>
    public TimeSpan For(BallotKind kind) => TimeSpan.FromDays(7 * kind switch
    {
        BallotKind.NP => NP,
        BallotKind.CD => CD,
        BallotKind.DIS => DIS,
        BallotKind.FDIS => FDIS,
        BallotKind.SR => SR,
        BallotKind.CIB => CIB,
        _ => Withdrawal,
    });
}
