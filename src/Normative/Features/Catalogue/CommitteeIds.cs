namespace Normative.Features.Catalogue;

/// <summary>Committee ids: ISO's open-data ids (past ten million already) and ours above them.</summary>
public static class CommitteeIds
{
    /// <summary>Committees created here — from a deliverable's reference, or by hand — are numbered from here (migration 0100).</summary>
    public const int FirstLocal = 100_000_000;

    public static bool IsLocal(int id) => id >= FirstLocal;
}
