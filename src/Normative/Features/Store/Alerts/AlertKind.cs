namespace Normative.Features.Store.Alerts;

/// <summary>A change to a standard someone bought, worth a mail.</summary>
public enum AlertKind
{
    NewEdition,
    Amendment,
    Corrigendum,
    Withdrawn,
}
