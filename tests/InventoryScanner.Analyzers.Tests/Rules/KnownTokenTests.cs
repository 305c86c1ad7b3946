using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Secrets;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>Credentials recognised by their format, in any string literal and any configuration value. All values are fake.</summary>
public sealed class KnownTokenTests
{
    // Fake, but in GitHub's format with a valid CRC32 checksum (computed independently of the analyzer).
    private const string GitHubToken = "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";

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "aws-access-key", "high")]
    [InlineData(GitHubToken, "github-token", "high")]
    [InlineData("ghp_InventoryScannerTestToken0Fake000000", "github-token", "medium")]
    [InlineData("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "slack-token", "high")]
    [InlineData("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe-key", "high")]
    [InlineData("AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "google-api-key", "high")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt", "high")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7fake\n-----END RSA PRIVATE KEY-----", "private-key", "high")]
    [InlineData("abc8Q~kL2mX7vB4nR6tQ9zP1wY3sD5fG8hJ0kL2m", "azure-ad-client-secret", "high")]
    [InlineData("https://contoso.blob.core.windows.net/invoices?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2027-01-01T00:00:00Z&sig=Xk2mL7vB4nR6tQ9zP1wY3sD5fG8hJ0kL2mX7vB4n%3D", "azure-sas", "high")]
    [InlineData("BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRg==", "azure-storage-key", "high")]
    [InlineData("SK2f8e1d3c4b5a69788796a5b4c3d2e1f0", "twilio-api-key", "medium")]
    public void Formats_ShouldBeRecognisedWithTheirConfidence(string value, string kind, string confidence)
    {
        var token = KnownTokens.Find("prefix " + value + " suffix");

        Assert.NotNull(token);
        Assert.Equal(kind, token.Value.Kind);
        Assert.Equal(confidence, token.Value.Confidence);
    }

    [Theory]
    [InlineData("AKIA-not-a-key")]
    [InlineData("ghp_tooshort")]
    [InlineData("The xoxb prefix alone")]
    [InlineData("sk_test_4eC39HqLyjWDarjtT1zdp7dc")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    [InlineData("https://contoso.blob.core.windows.net/invoices?sv=2022-11-02&ss=b")]
    [InlineData("if (a == b) return c == d;")]
    [InlineData("SKU-2f8e1d3c4b5a69788796a5b4c3d2e1f0")]
    [InlineData("Q~ alone is not a secret, nor is abcQ~short")]
    public void LookAlikes_ShouldNotBeRecognised(string value)
    {
        Assert.Null(KnownTokens.Find(value));
    }

    [Fact]
    public async Task TokenInAnyLiteral_ShouldBeReportedOnceUnderItsKind()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), $$"""
            class Deploy
            {
                private const string Key = "AKIAIOSFODNN7EXAMPLE";
                void Run(System.Action<string> log)
                {
                    var githubToken = "{{GitHubToken}}";
                    log("using AKIAIOSFODNN7EXAMPLE for the upload");
                }
            }
            """);

        Assert.Equal(["aws-access-key", "github-token", "aws-access-key"], diagnostics.Select(d => d.Properties[FindingProperties.SecretKind]));
        Assert.All(diagnostics, d => Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", string.Join(" ", d.Properties.Values)));
        Assert.All(diagnostics, d => Assert.DoesNotContain(GitHubToken, d.GetMessage()));
    }

    [Fact]
    public async Task TokenInConfiguration_ShouldBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            [("/src/appsettings.json", """{ "Slack": { "Webhook": "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx" } }""")],
            "class C { }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("slack-token", diagnostic.Properties[FindingProperties.SecretKind]);
        Assert.Equal("Slack:Webhook", diagnostic.Properties[FindingProperties.Target]);
    }

    [Fact]
    public void EveryFormatPrefix_ShouldBeATriggerWord()
    {
        var words = typeof(HardcodedCredentialAnalyzer).GetCustomAttributes(typeof(TriggerWordsAttribute), false).Cast<TriggerWordsAttribute>().Single().Words;
        Assert.All(KnownTokens.Prefixes, prefix => Assert.Contains(prefix, words));
    }
}
