using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Normative.Tests.Infrastructure;

/// <summary>Self-signed RSA certificates for the data-protection key encryption, as an operator makes with openssl.</summary>
public static class TestCertificates
{
    /// <returns>A PEM file with the certificate and its key, and a .pfx file of the same certificate protected by "secret".</returns>
    public static (string Pem, string Pfx) Write(string folder, string name = "data-protection")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=normative-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        var pem = Path.Combine(folder, name + ".pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
        var pfx = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "secret"));
        return (pem, pfx);
    }
}
