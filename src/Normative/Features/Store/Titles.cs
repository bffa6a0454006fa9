using Normative.Features.Catalogue;
using Normative.Web;

namespace Normative.Features.Store;

/// <summary>A deliverable's title in the page's language where the catalogue has it (English and French), else English.</summary>
public static class Titles
{
    public static string Of(Deliverable d) => Cultures.Current == "fr" && !string.IsNullOrWhiteSpace(d.TitleFr) ? d.TitleFr : d.TitleEn;
}
