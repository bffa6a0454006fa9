using System.Globalization;

namespace Normative.Features.Store;

/// <summary>A document language's name in the page's language: "English", "anglais", "английский".</summary>
public static class LanguageNames
{
    public static string NameOf(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).DisplayName;
            return name.Length == 0 ? code : char.ToUpper(name[0], CultureInfo.CurrentUICulture) + name[1..];
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
