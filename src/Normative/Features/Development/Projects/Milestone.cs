namespace Normative.Features.Development.Projects;

/// <summary>A stage a project should reach by a date: 20.20 first working draft … 60.60 publication.</summary>
public sealed record Milestone(int Stage, DateOnly Target);
