using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV1001 through the client libraries built on HttpClient: RestSharp and Flurl.Http, bound and unresolved.</summary>
public sealed class HttpLibraryCallTests
{
    private const string RestSharpCode = """
        using System;
        using System.Threading.Tasks;
        using RestSharp;
        class Crm
        {
            private readonly RestClient _client = new RestClient("https://crm.example.com/api/v2");
            async Task Run(int id)
            {
                await _client.ExecuteAsync(new RestRequest("contacts/{id}", Method.Post));
                var orders = new RestRequest("orders");
                await _client.GetAsync(orders);
                var options = new RestClientOptions("https://billing.example.com");
                var billing = new RestClient(options);
                await billing.PostJsonAsync<object, string>("invoices", new object());
                var erp = new RestClient(new RestClientOptions { BaseUrl = new Uri("https://erp.example.com/") });
                await erp.ExecuteGetAsync(new RestRequest("stock"));
                await _client.ExecuteAsync(new RestRequest("notes", Method.Put).AddHeader("X-Trace", "1"));
                await new Lookalike().GetAsync(orders);
            }
        }
        class Lookalike { public Task GetAsync(object request) => Task.CompletedTask; }
        """;

    private const string FlurlCode = """
        using System.Threading.Tasks;
        using Flurl;
        using Flurl.Http;
        class Weather
        {
            private const string Base = "https://weather.example.com";
            async Task Run(string city, string token)
            {
                await Base.AppendPathSegment("forecast").AppendPathSegment(city).WithOAuthBearerToken(token).GetJsonAsync<string>();
                await "https://alerts.example.com/v1".AppendPathSegments("alerts", "active").SetQueryParam("area", "NL").PostJsonAsync(new { });
                var radar = new FlurlClient("https://radar.example.com");
                await radar.Request("tiles", city).GetStringAsync();
                await new Url("https://sun.example.com").AppendPathSegment("rise").GetAsync();
                await new Lookalike().GetJsonAsync<string>();
            }
        }
        class Lookalike { public Task<T> GetJsonAsync<T>() => Task.FromResult(default(T)!); }
        """;

    private static async Task<List<string>> CallsAsync(string source, params string[] stubs)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), [source, .. stubs]);
        return diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall)
            .Select(d => $"{d.Properties[FindingProperties.Library]} {d.Properties[FindingProperties.HttpMethod]} {d.Properties[FindingProperties.Target]} ({d.Properties[FindingProperties.Confidence]})")
            .ToList();
    }

    [Fact]
    public async Task RestSharpCalls_ShouldJoinTheClientBaseUrlWithTheRequestResource()
    {
        Assert.Equal(
            [
                "RestSharp POST https://crm.example.com/api/v2/contacts/{id} (high)",
                "RestSharp GET https://crm.example.com/api/v2/orders (high)",
                "RestSharp POST https://billing.example.com/invoices (high)",
                "RestSharp GET https://erp.example.com/stock (high)",
                "RestSharp PUT https://crm.example.com/api/v2/notes (high)",
            ],
            await CallsAsync(RestSharpCode, Stubs.RestSharp));
    }

    [Fact]
    public async Task FlurlCalls_ShouldReadTheTargetBackAlongTheFluentChain()
    {
        Assert.Equal(
            [
                "Flurl.Http GET https://weather.example.com/forecast/{city} (high)",
                "Flurl.Http POST https://alerts.example.com/v1/alerts/active (high)",
                "Flurl.Http GET https://radar.example.com/tiles/{city} (high)",
                "Flurl.Http GET https://sun.example.com/rise (high)",
            ],
            await CallsAsync(FlurlCode, Stubs.Flurl));
    }

    [Fact]
    public async Task RestSharpAndFlurl_WhenTheirPackagesDoNotResolve_ShouldStillBeFoundByName_WithLowConfidence()
    {
        Assert.Equal(
            [
                "RestSharp POST https://crm.example.com/api/v2/contacts/{id} (low)",
                "RestSharp GET https://crm.example.com/api/v2/orders (low)",
                "RestSharp POST https://billing.example.com/invoices (low)",
                "RestSharp GET https://erp.example.com/stock (low)",
                "RestSharp PUT https://crm.example.com/api/v2/notes (low)",
            ],
            await CallsAsync(RestSharpCode));
        Assert.Equal(
            [
                "Flurl.Http GET https://weather.example.com/forecast/{city} (low)",
                "Flurl.Http POST https://alerts.example.com/v1/alerts/active (low)",
                "Flurl.Http GET https://radar.example.com/tiles/{city} (low)",
                "Flurl.Http GET https://sun.example.com/rise (low)",
            ],
            await CallsAsync(FlurlCode));
    }

    [Fact]
    public async Task UnresolvedStringExtensionsNamedLikeAVerb_ShouldNotReportDiagnostic()
    {
        const string code = """
            using Shop.Extensions;

            class Preferences
            {
                object Load(string id, string term) => (id.GetMD5(), term.GetCleanValue(), "x".PostProcess(), id.DeleteWhitespace());
            }
            """;

        Assert.Empty(await CallsAsync(code));
    }
}
