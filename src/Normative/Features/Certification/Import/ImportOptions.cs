namespace Normative.Features.Certification.Import;

/// <summary>How an upload runs and whom it is recorded for.</summary>
public sealed record ImportOptions
{
    /// <summary>"page", "api", "json" or "cli".</summary>
    public required string Source { get; init; }
    /// <summary>Who the status-change events name: an e-mail, or "command line".</summary>
    public required string Actor { get; init; }
    public string? UserId { get; init; }
    /// <summary>A certification body's own upload: rows naming any other body are rejected.</summary>
    public int? OnlyBodyId { get; init; }
    public string? FileName { get; init; }
    /// <summary>Nothing loads if any row is bad.</summary>
    public bool AllOrNothing { get; init; }
    /// <summary>Called every few thousand rows with the number read so far.</summary>
    public Action<int>? Progress { get; init; }
}
