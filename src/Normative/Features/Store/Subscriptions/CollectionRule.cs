namespace Normative.Features.Store.Subscriptions;

/// <summary>How a collection says which standards it holds.</summary>
public enum CollectionRule
{
    /// <summary>Every published standard of a committee and of its subcommittees (ISO/TC 176 includes ISO/TC 176/SC 2).</summary>
    Committee,

    /// <summary>Every published standard classified under an ICS field, group or sub-group (03, 03.120, 03.120.10).</summary>
    Ics,

    /// <summary>The standards an Editor listed by reference.</summary>
    List,
}
