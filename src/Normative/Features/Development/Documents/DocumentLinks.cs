using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Development.Documents;

/// <summary>The committee document register's pages, files, feed and API addresses.</summary>
public static class DocumentLinks
{
    [LinkTo("/Development/Documents/Index")]
    public static string Register(string slug) => CatalogueLinks.Committee(slug) + "/documents";

    [LinkTo("/Development/Documents/Details")]
    public static string Document(string slug, int number) => $"{CatalogueLinks.Committee(slug)}/documents/{number}";

    /// <summary>The document's file, streamed (checked against its SHA-256 as it goes).</summary>
    public static string File(string slug, int number) => $"{CatalogueLinks.Committee(slug)}/documents/{number}/file";

    /// <summary>The Atom feed of the committee's public documents.</summary>
    public static string Feed(string slug) => CatalogueLinks.Committee(slug) + "/documents.atom";

    public static string ApiDocuments(int committeeId) => $"/api/v1/committees/{committeeId}/documents";

    public static string ApiDocument(int committeeId, int number) => $"/api/v1/committees/{committeeId}/documents/{number}";

    public static string ApiFile(int committeeId, int number) => $"/api/v1/committees/{committeeId}/documents/{number}/file";

    /// <summary>Whether one gets the daily mail of new committee documents.</summary>
    [LinkTo("/Development/Documents/Mail")]
    public static string MailSettings => "/development/documents/mail";
}
