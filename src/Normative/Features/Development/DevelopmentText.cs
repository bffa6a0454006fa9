namespace Normative.Features.Development;

/// <summary>
/// Marker for the translations of standards development: Resources/Features/Development/DevelopmentText.{,fr,es,ru}.resx
/// hold the texts of member bodies, committees, projects, ballots, comments and their mails.
/// </summary>
public sealed class DevelopmentText;
