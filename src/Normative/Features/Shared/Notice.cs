using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Normative.Features.Shared;

/// <summary>
/// The one-line notice a page shows after a change ("Saved", "Vote recorded"). A successful POST
/// sets it and redirects (post-redirect-get); the page it lands on shows it once, through the
/// shared partial _Notice.cshtml. Kept in TempData, so a reload neither repeats the change nor the notice.
/// </summary>
public static class Notice
{
    private const string TextKey = "notice.text";
    private const string KindKey = "notice.kind";

    public static void SetNotice(this ITempDataDictionary tempData, string text, NoticeKind kind = NoticeKind.Ok)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[TextKey] = text;
        tempData[KindKey] = kind.ToString();
    }

    /// <summary>The notice, read once: it is gone on the next request.</summary>
    public static (string Text, NoticeKind Kind)? TakeNotice(this ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        if (tempData[TextKey] is not string text)
        {
            return null;
        }
        var kind = tempData[KindKey] is string k && Enum.TryParse<NoticeKind>(k, out var parsed) ? parsed : NoticeKind.Ok;
        return (text, kind);
    }
}
