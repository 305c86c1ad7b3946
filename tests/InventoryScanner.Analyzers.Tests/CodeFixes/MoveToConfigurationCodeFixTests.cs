using InventoryScanner.Analyzers.CodeFixes;
using InventoryScanner.Analyzers.Rules;
using FixUrl = InventoryScanner.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<InventoryScanner.Analyzers.Rules.HttpClientCallAnalyzer, InventoryScanner.Analyzers.CodeFixes.MoveToConfigurationCodeFixProvider>;
using FixSecret = InventoryScanner.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<InventoryScanner.Analyzers.Rules.HardcodedCredentialAnalyzer, InventoryScanner.Analyzers.CodeFixes.MoveToConfigurationCodeFixProvider>;

namespace InventoryScanner.Analyzers.Tests.CodeFixes;

public sealed class MoveToConfigurationCodeFixTests
{
    private const string Settings = """
        {
          // Shipped defaults; environments override them.
          "Logging": { "LogLevel": { "Default": "Information" } },
        }
        """;

    private static FixUrl.Test UrlTest(string source, string fixedSource, string settings, string fixedSettings)
    {
        var test = new FixUrl.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.Sources.Add(Stubs.Configuration);
        test.FixedState.Sources.Add(Stubs.Configuration);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", settings));
        test.FixedState.AdditionalFiles.Add(("/src/appsettings.json", fixedSettings));
        test.DisabledDiagnostics.AddRange([RuleIdentifiers.HttpClientCall, RuleIdentifiers.HttpClientRegistration, RuleIdentifiers.PlainHttp]);
        return test;
    }

    [Fact]
    public async Task HardcodedUrls_ShouldMoveToAppSettings_ThroughTheReachableConfiguration()
    {
        var test = UrlTest(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            class PartnerClient
            {
                private readonly IConfiguration _configuration;
                private readonly HttpClient _http;
                public PartnerClient(IConfiguration configuration, HttpClient http) { _configuration = configuration; _http = http; }
                public Task<string> Rates() => {|INV1003:_http.GetStringAsync("https://api.partner-rates.example/v1/rates")|};
                public Task<HttpResponseMessage> Stock(string sku) => {|INV1003:_http.GetAsync($"https://inventory.example.com/stock/{sku}")|};
            }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            class PartnerClient
            {
                private readonly IConfiguration _configuration;
                private readonly HttpClient _http;
                public PartnerClient(IConfiguration configuration, HttpClient http) { _configuration = configuration; _http = http; }
                public Task<string> Rates() => _http.GetStringAsync(_configuration["PartnerClient:PartnerRatesUrl"]);
                public Task<HttpResponseMessage> Stock(string sku) => _http.GetAsync($"{_configuration["PartnerClient:InventoryUrl"]}{sku}");
            }
            """,
            Settings,
            """
            {
              // Shipped defaults; environments override them.
              "Logging": { "LogLevel": { "Default": "Information" } },
              "PartnerClient": {
                "PartnerRatesUrl": "https://api.partner-rates.example/v1/rates",
                "InventoryUrl": "https://inventory.example.com/stock/"
              },
            }
            """);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HardcodedUrl_WithoutReachableConfiguration_ShouldNotOfferAFix()
    {
        const string source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            static class Status
            {
                private const string Health = "https://status.example/health";
                public static Task<string> Ping(HttpClient http) => {|INV1003:http.GetStringAsync("https://status.example/ping")|};
                public static Task<string> Check(HttpClient http) => {|INV1003:http.GetStringAsync(Health)|};
            }
            """;
        await UrlTest(source, source, Settings, Settings).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HardcodedUrl_InTopLevelProgram_ShouldReadBuilderConfiguration_AndReuseAnEqualKey()
    {
        var test = UrlTest(
            """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.Configuration;
            var builder = new Builder();
            var client = new HttpClient();
            await {|INV1003:client.GetAsync(new Uri("https://api.fraud-check.example/score"))|};
            sealed class Builder { public IConfigurationRoot Configuration { get; } = null!; }
            """,
            """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.Configuration;
            var builder = new Builder();
            var client = new HttpClient();
            await client.GetAsync(new Uri(builder.Configuration["App:FraudCheckUrl"]));
            sealed class Builder { public IConfigurationRoot Configuration { get; } = null!; }
            """,
            """{ "App": { "FraudCheckUrl": "https://api.fraud-check.example/score" } }""",
            """{ "App": { "FraudCheckUrl": "https://api.fraud-check.example/score" } }""");
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HardcodedCredentials_ShouldBecomeLookups_WithEmptyKeysAndNoValueInAppSettings()
    {
        var test = new FixSecret.Test
        {
            TestCode = """
                using Microsoft.Extensions.Configuration;
                class Billing
                {
                    private readonly IConfiguration _configuration;
                    public Billing(IConfiguration configuration) => _configuration = configuration;
                    void Pay()
                    {
                        var apiKey = {|INV9001:"sk_live_4eC39HqLyjWDarjtT1zdp7dc"|};
                        Connect(user: "svc", password: {|INV9001:"Winter2024!"|});
                        var orders = {|INV9001:"Server=sql01;Database=Billing;User Id=app;Password=Pr0d-Secret!"|};
                    }
                    static void Connect(string user, string password) { }
                }
                """,
            FixedCode = """
                using Microsoft.Extensions.Configuration;
                class Billing
                {
                    private readonly IConfiguration _configuration;
                    public Billing(IConfiguration configuration) => _configuration = configuration;
                    void Pay()
                    {
                        var apiKey = _configuration["Billing:ApiKey"];
                        Connect(user: "svc", password: _configuration["Billing:Password"]);
                        var orders = _configuration["ConnectionStrings:Orders"];
                    }
                    static void Connect(string user, string password) { }
                }
                """,
        };
        test.TestState.Sources.Add(Stubs.Configuration);
        test.FixedState.Sources.Add(Stubs.Configuration);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", "{\n  \"Billing\": {\n    \"Currency\": \"EUR\"\n  }\n}\n"));
        test.FixedState.AdditionalFiles.Add(("/src/appsettings.json", """
            {
              "Billing": {
                "Currency": "EUR",
                "ApiKey": "",
                "Password": ""
              },
              "ConnectionStrings": {
                "Orders": ""
              }
            }

            """));
        await test.RunAsync(CancellationToken.None);
    }
}
