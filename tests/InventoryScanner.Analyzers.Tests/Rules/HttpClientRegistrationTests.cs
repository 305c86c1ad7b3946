using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>Calls through typed and named clients inherit their AddHttpClient registration, registered in another file.</summary>
public sealed class HttpClientRegistrationTests
{
    private const string Registrations = """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        static class Startup
        {
            public const string LoyaltyClient = "loyalty";
            public static void Register(IServiceCollection services)
            {
                services.AddHttpClient<FraudClient>(client =>
                {
                    client.BaseAddress = new Uri("https://fraud.partner.example/api/");
                    client.Timeout = TimeSpan.FromSeconds(5);
                }).AddStandardResilienceHandler();
                services.AddHttpClient<IPricing, PricingClient>((provider, client) => client.BaseAddress = new Uri("https://pricing.internal/"));
                services.AddHttpClient(LoyaltyClient).ConfigureHttpClient(c => c.BaseAddress = new Uri("https://loyalty.example/v1/"));
            }
        }
        """;

    [Fact]
    public async Task TypedClient_ShouldInheritBaseAddressAndResilienceFromItsRegistration()
    {
        var diagnostic = await SingleCallAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            public sealed class FraudClient(HttpClient http)
            {
                public void Check(object order) => http.PostAsJsonAsync("checks", order);
            }
            """);

        Assert.Equal("https://fraud.partner.example/api/checks", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal("typed FraudClient at Test0.cs:8", diagnostic.Properties[FindingProperties.Registration]);
        Assert.Equal("AddStandardResilienceHandler, Timeout", diagnostic.Properties[FindingProperties.Resilience]);
    }

    [Fact]
    public async Task TypedClientBehindAnInterface_ShouldBeFoundByItsImplementation()
    {
        var diagnostic = await SingleCallAsync("""
            using System.Net.Http;
            public interface IPricing { }
            public sealed class PricingClient : IPricing
            {
                private readonly HttpClient _http;
                public PricingClient(HttpClient http) => _http = http;
                public void Price(string sku) => _http.GetAsync($"prices/{sku}");
            }
            """);

        Assert.Equal("https://pricing.internal/prices/{sku}", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal("none", diagnostic.Properties[FindingProperties.Resilience]);
    }

    [Fact]
    public async Task NamedClientFromTheFactory_ShouldInheritItsRegistration()
    {
        var diagnostic = await SingleCallAsync("""
            using System.Net.Http;
            public sealed class LoyaltyNotifier(IHttpClientFactory factory)
            {
                public void Award(string member)
                {
                    var client = factory.CreateClient(Startup.LoyaltyClient);
                    client.PostAsync($"members/{member}/points", null);
                }
            }
            """);

        Assert.Equal("https://loyalty.example/v1/members/{member}/points", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal("named 'loyalty' at Test0.cs:14", diagnostic.Properties[FindingProperties.Registration]);
    }

    [Fact]
    public async Task UnregisteredClass_ShouldHaveNoRegistration()
    {
        var diagnostic = await SingleCallAsync("""
            using System.Net.Http;
            public sealed class Adhoc(HttpClient http)
            {
                public void Ping() => http.GetAsync("health");
            }
            """);

        Assert.Equal("health", diagnostic.Properties[FindingProperties.Target]);
        Assert.Null(diagnostic.Properties[FindingProperties.Registration]);
    }

    [Fact]
    public async Task RegistrationThatDoesNotBind_ShouldStillBeReadByName()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), """
            using System;
            static class Program
            {
                static void Main(WebApplicationBuilder builder) =>
                    builder.Services.AddHttpClient<AuditClient>(c => c.BaseAddress = new Uri("https://audit.example/")).AddPolicyHandler(null);
            }
            """, """
            using System.Net.Http;
            public sealed class AuditClient(HttpClient http)
            {
                public void Record(string entry) => http.PostAsync("entries", new StringContent(entry));
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.HttpClientCall);
        Assert.Equal("https://audit.example/entries", diagnostic.Properties[FindingProperties.Target]);
        var registration = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.HttpClientRegistration);
        Assert.Equal(Confidence.Low, registration.Properties[FindingProperties.Confidence]);
        Assert.Equal("typed AuditClient at Test0.cs:5 (recognised by name)", diagnostic.Properties[FindingProperties.Registration]);
        Assert.Equal("AddPolicyHandler", diagnostic.Properties[FindingProperties.Resilience]);
    }

    [Fact]
    public async Task EveryRegistration_ShouldBeReportedWithItsBaseAddressAndResilience()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), Registrations, "public sealed class FraudClient { }", "public interface IPricing { } public sealed class PricingClient : IPricing { }", Stubs.HttpClientFactory);

        var registrations = diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientRegistration)
            .Select(d => $"{d.Properties[FindingProperties.Client]} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Resilience]}");
        Assert.Equal(
            [
                "typed:FraudClient https://fraud.partner.example/api/ AddStandardResilienceHandler, Timeout",
                "typed:PricingClient https://pricing.internal/ none",
                "named:loyalty https://loyalty.example/v1/ none",
            ],
            registrations);
    }

    [Fact]
    public async Task ClientWithoutARegistrationInThisProject_ShouldStillCarryItsKeyForTheScanner()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), """
            using System.Net.Http;
            public sealed class PartnerClient
            {
                private readonly HttpClient _http;
                private static readonly HttpClient Shared = new HttpClient();
                public PartnerClient(HttpClient http) => _http = http;
                public void Orders() => _http.GetAsync("orders");
                public void Status() => Shared.GetAsync("https://status.example/");
            }
            """);

        var calls = diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall).ToList();
        Assert.Equal(["typed:PartnerClient", null], calls.Select(d => d.Properties[FindingProperties.Client]));
        Assert.All(calls, d => Assert.Null(d.Properties[FindingProperties.Registration]));
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostic> SingleCallAsync(string code)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), Registrations, code, Stubs.HttpClientFactory);
        return Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.HttpClientCall);
    }
}
