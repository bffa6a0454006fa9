using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Normative.Data;

namespace Normative.Web;

/// <summary>
/// The data-protection key ring (sign-in cookies, confirmation and reset links, antiforgery tokens)
/// lives in the database, so every instance shares it and it survives restarts. Whoever reads the
/// database must not be able to forge a sign-in cookie, so outside Development the keys are
/// encrypted at rest with the certificate named by DataProtection:Certificate: a file on each
/// server, outside the database and its backups. DataProtection:PreviousCertificate still decrypts
/// keys written before a change of certificate.
/// </summary>
public static class DataProtectionSetup
{
    public static void AddNormativeDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("Normative").PersistKeysToDbContext<NormativeDb>();
        var path = configuration["DataProtection:Certificate"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }
        X509Certificate2 certificate;
        var decryptors = new List<X509Certificate2>();
        try
        {
            certificate = LoadCertificate(path, configuration["DataProtection:CertificatePassword"]);
            decryptors.Add(certificate);
            if (configuration["DataProtection:PreviousCertificate"] is { Length: > 0 } previous)
            {
                decryptors.Add(LoadCertificate(previous, configuration["DataProtection:PreviousCertificatePassword"]));
            }
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // SettingsRules reports the file in one clear line and start-up stops before any key is used.
            return;
        }
        protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([.. decryptors]);
    }

    /// <summary>A certificate with its private key: a .pfx/.p12 file, or a PEM file holding the certificate and its key.</summary>
    public static X509Certificate2 LoadCertificate(string path, string? password)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var certificate = extension is ".pfx" or ".p12"
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet)
            : string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new CryptographicException("it holds no RSA private key");
        }
        return certificate;
    }
}
