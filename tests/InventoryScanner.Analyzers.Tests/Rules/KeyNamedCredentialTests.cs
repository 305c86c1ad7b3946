using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>
/// Names that say only "key" (<c>hardCodedKey</c>, <c>AESKEY</c>): a credential when the value looks like key material,
/// and nothing when it is one of the many other keys code has (cache, dictionary, resource, registry keys).
/// </summary>
public sealed class KeyNamedCredentialTests
{
    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.SecretKind]}").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task FieldsAndSettingsNamedLikeAKey_WithKeyMaterial_ShouldBeSecrets()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            [("/src/Web/web.config", """<configuration><appSettings><add key="AESKEY" value="q8Vx2mT9LpZr4Kc7Nw1Ys6Hd3Fb0Jg5E" /><add key="HmacKey" value="3f9a0c4e8b1d7f2a6c5e9b0d4a8f1c3e7b2d6a0f" /></appSettings></configuration>"""),
            ],
            """
            class Crypto
            {
                private const string hardCodedKey = "Zx81Lq0Pw7Ke3Mv5";
                private static readonly string HMACKEY = "mR3+vL9/qT2=nK8xW4pZ";
            }
            """);

        Assert.Equal(["AESKEY key", "HMACKEY key", "HmacKey key", "hardCodedKey key"], Describe(diagnostics));
        Assert.DoesNotContain(diagnostics, d => d.Properties[FindingProperties.Evidence]!.Contains("Lq0Pw7Ke3Mv5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeysThatAreNotKeyMaterial_ShouldNotBeSecrets()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            [("/src/Web/appsettings.json", """{ "Cache": { "OrdersKey": "orders:page:2024:v1" }, "Resources": { "TitleKey": "Strings.Home.Title" }, "PrimaryKey": "OrderId" }"""),
            ],
            """
            class Keys
            {
                private const string CacheKey = "orders:page:2024:customer42";
                private const string RegistryKey = "{5A3B2C1D-9E8F-4A7B-8C6D-5E4F3A2B1C0D}";
                private const string FeatureKey = "EnableNewCheckoutFlow2024";
                private const string SessionKeyName = "Zx81Lq0Pw7Ke3Mv5";
                private const string LookupKey = "3F2504E04F8911D39A0C0305E82C3301";
                private const string monkey = "Bananas2024Forever";
            }
            """);

        Assert.Equal([], Describe(diagnostics));
    }
}
