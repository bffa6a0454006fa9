namespace Normative.Features.Development.Liaisons;

/// <summary>
/// The kinds of liaison of the Directives (Part 1, 1.17): category A and B organizations with a
/// technical committee or subcommittee, category C organizations with a working group, and internal
/// liaisons between two committees.
/// </summary>
public enum LiaisonCategory
{
    A,
    B,
    C,
    Internal,
}
