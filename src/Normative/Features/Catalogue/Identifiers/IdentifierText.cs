using System.Globalization;
using System.Text;

namespace Normative.Features.Catalogue.Identifiers;

/// <summary>Writes identifiers the way ISO does today, in English, French or Russian documents.</summary>
internal static class IdentifierText
{
    internal enum Form
    {
        English,
        French,
        Russian,
    }

    public static string Render(PublicationIdentifier id, Form form)
    {
        var text = new StringBuilder(32);
        if (id.Type == DeliverableType.DIR)
        {
            AppendDirectives(text, id, form);
        }
        else
        {
            AppendPrefix(text, id, form);
            AppendNumber(text, id);
            foreach (var supplement in id.Supplements)
            {
                AppendSupplement(text, supplement);
            }
        }

        if (id.Edition is { } edition)
        {
            text.Append(" Ed ").Append(Invariant(edition));
        }

        if (!id.Languages.IsEmpty)
        {
            text.Append('(').AppendJoin(',', id.Languages).Append(')');
        }

        return text.ToString();
    }

    /// <summary>
    /// ISO alone joins its first word with a slash ("ISO/TS", "ISO/DIS", "ISO/AWI TS"); joint and
    /// IEC identifiers use spaces ("ISO/IEC TS", "ISO/IEC FDIS", "IEC TS"). Guides put "Guide"
    /// after the publishers in English ("ISO/IEC Guide 71") and before them in French and Russian.
    /// IWAs carry no publisher unless they are drafts ("IWA 36", "ISO/AWI IWA 36").
    /// </summary>
    private static void AppendPrefix(StringBuilder text, PublicationIdentifier id, Form form)
    {
        var stageWord = StageWord(id.Stage, form);
        var typeWord = TypeWord(id.Type, form);
        if (form != Form.Russian && id.Stage is DraftStage.DIS or DraftStage.FDIS
            && id.Type is DeliverableType.TS or DeliverableType.TR or DeliverableType.PAS)
        {
            stageWord = (id.Stage == DraftStage.DIS ? "D" : "FD") + typeWord;
            typeWord = null;
        }

        var isoAlone = id.Publisher == "ISO" && id.Copublishers.IsEmpty;
        if (id.Type == DeliverableType.IWA && id.Stage is null && isoAlone)
        {
            text.Append("IWA");
            return;
        }

        var guideFirst = id.Type == DeliverableType.Guide && form != Form.English;
        if (guideFirst)
        {
            text.Append(typeWord).Append(' ');
        }

        AppendPublishers(text, id, form);
        var separator = isoAlone ? '/' : ' ';
        if (stageWord is not null)
        {
            text.Append(separator).Append(stageWord);
            separator = ' ';
        }

        if (typeWord is not null && !guideFirst)
        {
            text.Append(id.Type == DeliverableType.Guide ? ' ' : separator).Append(typeWord);
        }
    }

    private static void AppendPublishers(StringBuilder text, PublicationIdentifier id, Form form)
    {
        text.Append(PublisherWord(id.Publisher, form));
        foreach (var copublisher in id.Copublishers)
        {
            text.Append('/').Append(PublisherWord(copublisher, form));
        }
    }

    private static void AppendNumber(StringBuilder text, PublicationIdentifier id)
    {
        if (id.Number is { } number)
        {
            text.Append(' ').Append(Invariant(number));
        }

        if (id.Part is { } part)
        {
            text.Append('-').Append(part);
        }

        if (id.Iteration is { } iteration)
        {
            text.Append('.').Append(Invariant(iteration));
        }

        if (id.Year is { } year)
        {
            text.Append(':').Append(Invariant(year));
        }
    }

    /// <summary>An enquiry or final draft fuses into the kind ("DAmd", "FDCor"); other stages stand before it ("CD Amd").</summary>
    private static void AppendSupplement(StringBuilder text, Supplement supplement)
    {
        text.Append('/');
        text.Append(supplement.Stage switch
        {
            null => string.Empty,
            DraftStage.DIS => "D",
            DraftStage.FDIS => "FD",
            { } stage => stage + " ",
        });
        text.Append(IdentifierWords.KindWord(supplement.Kind));
        if (supplement.Number is { } number)
        {
            text.Append(' ').Append(Invariant(number));
        }

        if (supplement.Iteration is { } iteration)
        {
            text.Append('.').Append(Invariant(iteration));
        }

        AppendDate(text, supplement);
    }

    /// <summary>"ISO/IEC DIR 1:2022 + IEC SUP:2022", "ISO/IEC DIR 1 ISO SUP", "ISO/IEC DIR 2 IEC", "ISO/IEC JTC 1 DIR:2004".</summary>
    private static void AppendDirectives(StringBuilder text, PublicationIdentifier id, Form form)
    {
        AppendPublishers(text, id, form);
        var issuer = id.Issuer;
        if (issuer is not null && id.Number is null && issuer.StartsWith("JTC", StringComparison.Ordinal))
        {
            text.Append(' ').Append(issuer);
            issuer = null;
        }

        if (id.Stage is { } stage)
        {
            text.Append(' ').Append(StageWord(stage, form));
        }

        text.Append(" DIR");
        if (id.Number is { } number)
        {
            text.Append(' ').Append(Invariant(number));
        }

        if (issuer is not null)
        {
            text.Append(' ').Append(issuer);
        }

        if (id.Year is { } year)
        {
            text.Append(':').Append(Invariant(year));
        }

        foreach (var supplement in id.Supplements)
        {
            if (supplement.Publisher is null)
            {
                AppendSupplement(text, supplement);
                continue;
            }

            // A dated edition needs the plus to keep its year apart from the supplement's.
            text.Append(id.Year is null ? " " : " + ").Append(supplement.Publisher).Append(" SUP");
            AppendDate(text, supplement);
        }
    }

    private static void AppendDate(StringBuilder text, Supplement supplement)
    {
        if (supplement.Year is { } year)
        {
            text.Append(':').Append(Invariant(year));
            if (supplement.Month is { } month)
            {
                text.Append('-').Append(month.ToString("00", CultureInfo.InvariantCulture));
            }
        }
    }

    private static string PublisherWord(string publisher, Form form) => (form, publisher) switch
    {
        (Form.French, "IEC") => "CEI",
        (Form.Russian, "ISO") => "ИСО",
        (Form.Russian, "IEC") => "МЭК",
        _ => publisher,
    };

    private static string? TypeWord(DeliverableType type, Form form) => (form, type) switch
    {
        (_, DeliverableType.IS) => null,
        (Form.Russian, DeliverableType.TS) => "ТС",
        (Form.Russian, DeliverableType.TR) => "ТО",
        (Form.Russian, DeliverableType.Guide) => "Руководство",
        _ => type.ToString(),
    };

    private static string? StageWord(DraftStage? stage, Form form) => (form, stage) switch
    {
        (_, null) => null,
        (Form.Russian, DraftStage.DIS) => "ПМС",
        (Form.Russian, DraftStage.FDIS) => "ОПМС",
        _ => stage.ToString(),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
