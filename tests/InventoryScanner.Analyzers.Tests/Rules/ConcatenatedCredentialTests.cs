using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>Credentials inside strings built of pieces: other clients' key=value words, and connection strings built by concatenation.</summary>
public sealed class ConcatenatedCredentialTests
{
    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Evidence]}").ToArray();

    [Fact]
    public async Task CredentialWordsInKeyValueStrings_AndConcatenatedConnectionStrings_ShouldBeSecrets()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            """
            class Wiring
            {
                private const string SaValue = "S4-Pr0d!2020x";
                string Ftp() => "host=files.partner.example;user=ftp;passwd=Ftp!2020pw;mode=passive";
                string Keys() => "keyfile=id_rsa;passphrase=Gr33n!Tree;user_password=Blu3#Sky9";
                string Hyphen() => "server=ldap1;user-password=R3d$Sun7x;port=389";
                string Literal(string server) => "Server=" + server + ";User Id=sa;Password=" + "S3cr3t!Sa2020";
                string Interpolated(string server) => $"Server={server};User Id=sa;Pwd=" + "Adm!n2021x";
                string Constant(string server) => "Server=" + server + ";User Id=sa;Password=" + SaValue;
            }
            """);

        Assert.Equal(
            [
                "4 connection string to files.partner.example host=files.partner.example;user=ftp;passwd=Ft…(10 chars);mode=passive",
                "5 connection string keyfile=id_rsa;passphrase=Gr…(10 chars);user_password=Bl…(9 chars)",
                "6 connection string to ldap1 server=ldap1;user-password=R3…(9 chars);port=389",
                "7 connection string (concatenated) password=S3c…(13 chars)",
                "8 connection string (concatenated) pwd=Ad…(10 chars)",
                "9 connection string (concatenated) password=SaValue = \"S4-…(13 chars)\"",
            ],
            Describe(diagnostics));
        Assert.All(diagnostics, d => Assert.DoesNotContain("Sun7", d.Properties[FindingProperties.Evidence], StringComparison.Ordinal));
    }

    [Fact]
    public async Task LookAlikes_ShouldNotBeSecrets()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            """
            class Wiring
            {
                private const string PasswordPolicy = "min=12;upper=1";
                string Bypass() => "bypass=true;compass=north;mode=passive";
                string Empty(string server) => "Server=" + server + ";Password=" + "";
                string Parameter(string server, string password) => "Server=" + server + ";Password=" + password;
                string Label() => "Enter your password=" + "below";
                string Query(string id) => "select * from Users where Name=" + "'admin'";
            }
            """);

        Assert.Equal([], Describe(diagnostics));
    }
}
