namespace Normative.Features.Catalogue.OpenData;

/// <summary>One line of an import file cannot be loaded; the message says why, in plain words.</summary>
public sealed class BadLineException(string message) : Exception(message);
