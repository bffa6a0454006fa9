namespace Normative.Features.Catalogue.Reading;

/// <summary>A designation's normative authorization in TBX (ISO 30042; ISO 10241-1): preferred, admitted or deprecated.</summary>
public enum TermStatus
{
    Preferred,
    Admitted,
    Deprecated,
}
