namespace Normative.Features.Content.Pages;

/// <summary>The institutional pages the platform ships, each at /{key} (<see cref="InstitutionalPages.Slug"/>); Members is shown at the member directory.</summary>
public enum PageKey
{
    About,
    WhatWeDo,
    Structure,
    Strategy,
    Members,
    WhoDevelopsStandards,
    Deliverables,
    Benefits,
    ConformityAssessment,
    GetInvolved,
    MediaKit,
    NameAndLogo,
    Jobs,
    Faq,
    Contact,
    Accessibility,
    Privacy,
    Cookies,
    Copyright,
}
