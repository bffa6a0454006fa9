using AngleSharp.Html.Dom;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

/// <summary>A deliverable's edit form as a browser would post it: every field with its current value, some changed.</summary>
public static class RecordForm
{
    public static async Task<List<KeyValuePair<string, string>>> ReadAsync(HttpClient client, string url) =>
        Read(await client.GetDocumentAsync(url));

    /// <summary>The values of the record form on a page already fetched (the form sent back with its messages).</summary>
    public static List<KeyValuePair<string, string>> Read(IHtmlDocument page)
    {
        var form = page.QuerySelector("form.record-form") as IHtmlFormElement ?? throw new InvalidOperationException("No record form on the page.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { IsDisabled: true }:
                    // A browser sends no disabled field.
                    break;
                case IHtmlInputElement { Type: "checkbox" } box when box.IsChecked:
                    values.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }
        return values;
    }

    /// <summary>Sets a field (replacing its value), or with <paramref name="add"/> adds one more value (a checkbox).</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> values, string name, string value, bool add = false)
    {
        if (!add)
        {
            values.RemoveAll(v => v.Key == name);
        }
        values.Add(new(name, value));
        return values;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> values) =>
        client.PostAsync(url, new FormUrlEncodedContent(values));
}
