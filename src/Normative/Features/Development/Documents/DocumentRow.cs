namespace Normative.Features.Development.Documents;

/// <summary>A document with what its listing shows beside it: the file's size and checksum, the project's reference, the N-number it supersedes and the one superseding it.</summary>
public sealed record DocumentRow(CommitteeDocument Document, long Size, string Sha256, string? Project, int? Supersedes, int? SupersededBy);
