namespace Normative.Features.Content.Updates;

/// <summary>Which mail a sign-up causes. The page answers the same whatever it is, so the form tells no one who subscribed.</summary>
public enum SignUpOutcome
{
    /// <summary>A confirmation link goes to the address.</summary>
    SendConfirmation,
    /// <summary>The address is already confirmed: its owner gets a mail with the preferences link instead.</summary>
    SendAlreadySubscribed,
    /// <summary>Too many sign-ups for this address today: no more mail to it.</summary>
    NoMail,
}
