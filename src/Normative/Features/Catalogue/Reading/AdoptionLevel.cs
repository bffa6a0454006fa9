namespace Normative.Features.Catalogue.Reading;

/// <summary>Whose text it is: the international standard itself, or its regional or national adoption (NISO STS reg-meta, nat-meta).</summary>
public enum AdoptionLevel
{
    International,
    Regional,
    National,
}
