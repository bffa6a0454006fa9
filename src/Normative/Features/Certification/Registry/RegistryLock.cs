namespace Normative.Features.Certification.Registry;

/// <summary>
/// The PostgreSQL advisory lock that keeps writers of certificate statuses apart: uploads and the
/// expiry job take it exclusively, single status changes share it. Held for a transaction.
/// </summary>
public static class RegistryLock
{
    public const long Key = 0x4E52_4365_7274_0001;
}
