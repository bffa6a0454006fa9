namespace Normative.Features.Development.Documents;

/// <summary>
/// One numbered part of an STS draft (a clause, subclause, annex or term entry): the number a comment
/// names ("4.2", "Annex A", "3.28", or the title of an unnumbered part such as "Foreword"), its
/// title, the anchor of its section in the rendered draft, and the draft's lines inside it when the
/// draft carries line numbers.
/// </summary>
public sealed record StsClause(string Number, string? Title, string Anchor, int? FirstLine, int? LastLine)
{
    /// <summary>"4.2 Requirements", or the number alone.</summary>
    public string Caption => Title is null || Title == Number ? Number : $"{Number} {Title}";
}
