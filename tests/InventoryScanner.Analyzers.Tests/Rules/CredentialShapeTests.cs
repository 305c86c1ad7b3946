using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>Credentials known by where they go: URL user info, Authorization headers, JWT signing keys.</summary>
public sealed class CredentialShapeTests
{
    private const string Code = """
        using System;
        using System.Net.Http.Headers;
        using System.Text;
        class Wiring
        {
            void Run(System.Net.Http.HttpClient client)
            {
                var broker = new Uri("amqp://orders:Rabb1t-Pr0d@rabbit.internal:5672/");
                var cache = "redis://:Cache!2023x@redis.internal:6379";
                var docs = new Uri("https://user@docs.example.com/");
                var placeholder = "amqp://orders:${RABBIT_PASSWORD}@rabbit.internal/";
                client.DefaultRequestHeaders.Add("Authorization", "Bearer 9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c");
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "b3JkZXJzOlMzY3JldA==");
                var notAHeader = "Basic information about the order";
                var key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-signing-key-that-is-long-enough-1234"));
                var digest = Encoding.UTF8.GetBytes("hello world");
            }
        }
        """;

    private const string TokensStub = """
        namespace Microsoft.IdentityModel.Tokens { public sealed class SymmetricSecurityKey { public SymmetricSecurityKey(byte[] key) { } } }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CredentialsByShape_ShouldBeReported_RedactedEverywhere(bool resolved)
    {
        var diagnostics = resolved
            ? await AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), Code, TokensStub)
            : await AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), Code);
        Assert.Equal(
            [
                "url-credentials amqp://orders:Ra…(11 chars)@rabbit.internal:5672/",
                "url-credentials redis://:Ca…(11 chars)@redis.internal:6379",
                "authorization-header Bearer 9f8…(32 chars)",
                "authorization-header AuthenticationHeaderValue(\"b3J…(20 chars)\")",
                "signing-key SymmetricSecurityKey(\"a-s…(38 chars)\")",
            ],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.SecretKind]} {d.Properties[FindingProperties.Evidence]}"));
        Assert.All(diagnostics, d => Assert.DoesNotContain("Rabb1t-Pr0d", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task UrlCredentialsInConfiguration_ShouldBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            [("/src/appsettings.json", """{ "Messaging": { "Broker": "amqps://billing:Sup3r-Secret-9@mq.example.com/prod" } }""")],
            "class Empty { }");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("url-credentials", diagnostic.Properties[FindingProperties.SecretKind]);
        Assert.Contains("amqps://billing:Sup…(14 chars)@mq.example.com/prod", diagnostic.Properties[FindingProperties.Evidence]);
        Assert.DoesNotContain("Sup3r-Secret-9", diagnostic.Properties[FindingProperties.Evidence]);
    }

    [Fact]
    public async Task KnownDefaultPasswords_ShouldBeFindings_TaggedAsKnownDefaults()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            [("/src/appsettings.Development.json", """{ "Admin": { "Password": "changeme" } }""")],
            """
            class Seed
            {
                string adminPassword = "Pass@word1";
                string apiPassword = "k9#Lq2!vXz";
            }
            """);
        Assert.Equal(
            ["Admin:Password true", "adminPassword true", "apiPassword "],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.KnownDefault)}"));
    }

    [Fact]
    public async Task AllowSecretMarkers_WithAReason_ShouldSuppress_InCodeAndConfiguration()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            [
                ("/src/appsettings.json", """
                    {
                      // inventory:allow-secret the local emulator's published well-known key
                      "Storage": { "Password": "Eby8vdM02xNOcqF" },
                      "Smtp": { "Password": "Sm7p!Relay2021" } // inventory:allow-secret
                    }
                    """),
                ("/src/web.config", """
                    <configuration>
                      <appSettings>
                        <!-- inventory:allow-secret shared test tenant, rotated monthly -->
                        <add key="PartnerPassword" value="Tenant#Test42" />
                      </appSettings>
                    </configuration>
                    """),
            ],
            """
            class Seed
            {
                // inventory:allow-secret documented sandbox credential
                string sandboxPassword = "Sandb0x!Pass";
                string livePassword = "L1ve!Pr0d#99"; // inventory:allow-secret
            }
            """);
        Assert.Equal(["Smtp:Password", "livePassword"], diagnostics.Select(d => d.Properties[FindingProperties.Target]).Order(StringComparer.Ordinal));
    }
}
