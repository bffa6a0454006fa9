using Normative.Features.Shared;

namespace Normative.Features.Catalogue.Reading;

/// <summary>The reader and the terms search (see <see cref="LinkToAttribute"/>).</summary>
public static class ReadingLinks
{
    /// <summary>A deliverable's text, in the reader's language when there is one.</summary>
    [LinkTo("/Catalogue/Reading/Read")]
    public static string Read(int id) => $"/standard/{id}/read";

    [LinkTo("/Catalogue/Reading/Read")]
    public static string ReadIn(int id, string language) => $"/standard/{id}/read/{Uri.EscapeDataString(language)}";

    /// <summary>A clause (or a term entry) of a text, by its anchor.</summary>
    [LinkTo("/Catalogue/Reading/Read")]
    public static string Clause(int id, string language, string anchor) => ReadIn(id, language) + "#" + Uri.EscapeDataString(anchor);

    [LinkTo("/Catalogue/Reading/Terms")]
    public static string Terms(string? q = null) => q is null ? "/terms" : "/terms?q=" + Uri.EscapeDataString(q);

    /// <summary>An Editor loads an STS file as a deliverable's text.</summary>
    [LinkTo("/Catalogue/Reading/TextUpload")]
    public static string Upload(int id) => $"/standard/{id}/text";
}
