namespace Normative.Features.Development.Membership;

/// <summary>The part of the world a member body belongs to, for the directory.</summary>
public enum Region
{
    Africa,
    Americas,
    Asia,
    Europe,
    Oceania,
}
