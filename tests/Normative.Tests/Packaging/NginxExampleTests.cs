using System.Diagnostics;

namespace Normative.Tests.Packaging;

public class NginxExampleTests
{
    [Fact]
    public async Task TheExampleSiteIsAValidNginxConfiguration()
    {
        Assert.True(File.Exists("/usr/sbin/nginx"), "nginx is needed (./build.sh test installs it).");
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Normative.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        var work = Directory.CreateTempSubdirectory("normative-nginx-");
        try
        {
            // A throwaway certificate where Let's Encrypt's would be, and an http block around the site.
            using (var rsa = System.Security.Cryptography.RSA.Create(2048))
            {
                var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=standards.example.org", rsa,
                    System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
                await File.WriteAllTextAsync(Path.Combine(work.FullName, "cert.pem"), certificate.ExportCertificatePem());
                await File.WriteAllTextAsync(Path.Combine(work.FullName, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());
            }
            var site = (await File.ReadAllTextAsync(Path.Combine(root, "packaging", "deb", "nginx.conf")))
                .Replace("/etc/letsencrypt/live/standards.example.org/fullchain.pem", Path.Combine(work.FullName, "cert.pem"), StringComparison.Ordinal)
                .Replace("/etc/letsencrypt/live/standards.example.org/privkey.pem", Path.Combine(work.FullName, "key.pem"), StringComparison.Ordinal);
            Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", site, StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "site.conf"), site);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "nginx.conf"),
                $"pid {work.FullName}/nginx.pid;\nerror_log {work.FullName}/error.log;\nevents {{}}\nhttp {{ include /etc/nginx/mime.types; access_log off; include {work.FullName}/site.conf; }}\n");

            var psi = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-t", "-c", Path.Combine(work.FullName, "nginx.conf"), "-p", work.FullName })
            {
                psi.ArgumentList.Add(a);
            }
            using var nginx = Process.Start(psi)!;
            var error = await nginx.StandardError.ReadToEndAsync();
            await nginx.WaitForExitAsync();
            Assert.True(nginx.ExitCode == 0, error);
            Assert.Contains("syntax is ok", error, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
