using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using VerifyPerCall = InventoryScanner.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<InventoryScanner.Analyzers.Rules.HttpClientPerCallAnalyzer>;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class HttpAntiPatternTests
{
    [Fact]
    public async Task HardcodedAndPlainHttpUrls_ShouldBeReported_ConfiguredOnesShouldNot()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HttpClientCallAnalyzer(),
            [("/src/appsettings.json", """{ "Partner": "http://partner.example/" }""")],
            """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.Configuration;
            class Calls
            {
                void Run(HttpClient client, IConfiguration configuration, string path)
                {
                    client.GetAsync("https://api.example.com/orders");
                    client.GetAsync("http://inventory.example.net/stock");
                    client.GetAsync("http://localhost:5000/health");
                    client.GetAsync(configuration["Partner"] + "orders");
                    client.GetAsync(Environment.GetEnvironmentVariable("STATUS_URL"));
                    client.GetAsync(path);
                }
            }
            """,
            Stubs.Configuration);

        var antiPatterns = diagnostics.Where(d => d.Id != RuleIdentifiers.HttpClientCall)
            .Select(d => $"{d.Id} {d.Properties[FindingProperties.Target]}");
        Assert.Equal(
            [
                "INV1003 https://api.example.com/orders",
                "INV1003 http://inventory.example.net/stock",
                "INV1005 http://inventory.example.net/stock",
                "INV1003 http://localhost:5000/health",
                "INV1005 http://partner.example/orders",
            ],
            antiPatterns);
        Assert.All(diagnostics.Where(d => d.Id != RuleIdentifiers.HttpClientCall), d => Assert.Equal(FindingKinds.AntiPattern, d.Properties[FindingProperties.Kind]));
    }

    [Fact]
    public async Task InternalHostsFromEditorConfig_ShouldBeExemptFromPlainHttp()
    {
        // Only the plain-HTTP rule is under test here: the inventory fact and the hard-coded-URL warning are switched off.
        var test = new CSharpAnalyzerVerifier<HttpClientCallAnalyzer>.Test
        {
            TestCode = """
                using System.Net.Http;
                class Calls
                {
                    void Run(HttpClient client, string sku)
                    {
                        client.GetAsync($"http://inventory.internal:8080/stock/{sku}");
                        client.GetAsync("http://orders.svc.cluster.local/api");
                        {|INV1005:client.GetAsync("http://billing.example.net/api")|};
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\ninventory.internal_hosts = inventory.internal, *.svc.cluster.local\n"));
        test.DisabledDiagnostics.AddRange([RuleIdentifiers.HttpClientCall, RuleIdentifiers.HardcodedUrl]);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task IgnoredHostsFromEditorConfig_ShouldBeLeftOutOfTheInventory()
    {
        var test = new CSharpAnalyzerVerifier<HttpClientCallAnalyzer>.Test
        {
            TestCode = """
                using System.Net.Http;
                class Telemetry
                {
                    void Run(HttpClient client)
                    {
                        client.PostAsync("https://collector.telemetry.example/v1/traces", null);
                        client.GetAsync("https://status.internal/health");
                        {|INV1001:client.GetAsync("https://partner.example.com/api")|};
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\ninventory.ignore_hosts = *.telemetry.example, status.internal\n"));
        test.DisabledDiagnostics.AddRange([RuleIdentifiers.HardcodedUrl]);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HttpClientCreatedPerCall_ShouldBeReported()
    {
        await VerifyPerCall.VerifyAnalyzerAsync("""
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class Status
            {
                private static readonly HttpClient Shared = new HttpClient();
                private static HttpClient _lazy;
                private readonly HttpClient _owned;
                public HttpClient Property { get; } = new HttpClient();

                public Status() => _owned = new HttpClient();

                async Task Ping()
                {
                    using var client = {|#0:new HttpClient()|};
                    await client.GetAsync("https://status.example/");
                    _lazy ??= new HttpClient();
                    Func<HttpClient> factory = () => {|#1:new HttpClient { Timeout = TimeSpan.FromSeconds(1) }|};
                }
            }
            """,
            VerifyPerCall.Diagnostic().WithLocation(0).WithArguments("Ping"),
            VerifyPerCall.Diagnostic().WithLocation(1).WithArguments("Ping"));
    }
}
