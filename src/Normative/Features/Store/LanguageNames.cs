using System.Globalization;

namespace Normative.Features.Store;

/// <summary>A document language's name in the page's language, written as that language writes it: "English", "anglais", "английский".</summary>
public static class LanguageNames
{
    public static string NameOf(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).DisplayName;
            return name.Length == 0 ? code : name;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
