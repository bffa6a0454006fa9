using CsvHelper;

namespace Normative.Features.Shared;

/// <summary>One CSV record: the line of the file it starts on, its fields, and what is wrong with its quoting, if anything.</summary>
public sealed record CsvLine(long Line, IReadOnlyList<string> Fields, CsvMalformedReason? Problem);
