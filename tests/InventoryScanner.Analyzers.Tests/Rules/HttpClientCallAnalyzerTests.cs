using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using VerifyCS = InventoryScanner.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<InventoryScanner.Analyzers.Rules.HttpClientCallAnalyzer>;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class HttpClientCallAnalyzerTests
{
    [Fact]
    public async Task LiteralAbsoluteUrl_ShouldReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            class Partner
            {
                async Task Run(HttpClient client) => await {|#0:client.GetAsync("https://api.partner.example/v2/contacts")|};
            }
            """,
            VerifyCS.Diagnostic(RuleIdentifiers.HttpClientCall).WithLocation(0).WithArguments("GET", "https://api.partner.example/v2/contacts"),
            VerifyCS.Diagnostic(RuleIdentifiers.HardcodedUrl).WithLocation(0).WithArguments("https://api.partner.example/v2/contacts"));
    }

    [Fact]
    public async Task JsonCallWhoseGeneratedContextWasNeverGenerated_ShouldStillBeReported_AndALookAlikeShouldNot()
    {
        // AppJsonContext.Default.Products is written by System.Text.Json's generator, which no build ran here.
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            public sealed partial class AppJsonContext { }
            public sealed class Store { public Task<object> GetFromJsonAsync(string key, object context) => Task.FromResult(context); }
            public sealed class CatalogApi(HttpClient http, Store store)
            {
                public Task<string[]?> ProductsAsync() => http.GetFromJsonAsync("https://catalog.example/api/products", AppJsonContext.Default.Products);
                public Task<object> CachedAsync() => store.GetFromJsonAsync("products", AppJsonContext.Default.Products);
            }
            """);

        var call = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.HttpClientCall);
        Assert.Equal(("https://catalog.example/api/products", Confidence.Medium), (call.Properties[FindingProperties.Target], call.Properties[FindingProperties.Confidence]));
    }

    [Fact]
    public async Task ConstantUrlThroughJsonExtension_ShouldReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class Billing
            {
                private const string InvoicesUrl = "https://billing.example/api/invoices";
                private static readonly HttpClient Client = new HttpClient();
                Task Send(object invoice) => {|#0:Client.PostAsJsonAsync(InvoicesUrl, invoice)|};
            }
            """,
            VerifyCS.Diagnostic(RuleIdentifiers.HttpClientCall).WithLocation(0).WithArguments("POST", "https://billing.example/api/invoices"),
            VerifyCS.Diagnostic(RuleIdentifiers.HardcodedUrl).WithLocation(0).WithArguments("https://billing.example/api/invoices"));
    }

    [Fact]
    public async Task RelativeUrlOnFieldWithBaseAddressSetInConstructor_ShouldReportCombinedTarget()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class CrmClient
            {
                private static readonly Uri Base = new Uri("https://crm.example.com/api/v2/");
                private readonly HttpClient _http;
                public CrmClient(HttpClient http)
                {
                    _http = http;
                    _http.BaseAddress = Base;
                }
                Task<string> Contacts() => {|#0:_http.GetStringAsync("contacts")|};
            }
            """,
            VerifyCS.Diagnostic(RuleIdentifiers.HttpClientCall).WithLocation(0).WithArguments("GET", "https://crm.example.com/api/v2/contacts"),
            VerifyCS.Diagnostic(RuleIdentifiers.HardcodedUrl).WithLocation(0).WithArguments("https://crm.example.com/api/v2/contacts"));
    }

    [Fact]
    public async Task InterpolatedPathOnLocalWithInitializerBaseAddress_ShouldReportTemplate()
    {
        var diagnostic = await AnalyzerRunner.SingleAsync(new HttpClientCallAnalyzer(), """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class Orders
            {
                async Task Delete(int orderId)
                {
                    using var client = new HttpClient { BaseAddress = new Uri("http://orders.internal:8080") };
                    await client.DeleteAsync($"/api/orders/{orderId}");
                }
            }
            """);

        Assert.Equal("http://orders.internal:8080/api/orders/{orderId}", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal(TargetSources.Interpolated, diagnostic.Properties[FindingProperties.TargetSource]);
        Assert.Equal("DELETE", diagnostic.Properties[FindingProperties.HttpMethod]);
        Assert.Equal(Confidence.High, diagnostic.Properties[FindingProperties.Confidence]);
    }

    [Fact]
    public async Task SendAsyncWithRequestMessage_ShouldReportMethodAndUrlOfTheRequest()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            class Sync
            {
                async Task Push(HttpClient client, HttpContent body)
                {
                    var request = new HttpRequestMessage(HttpMethod.Put, "https://partner.example/contacts/42") { Content = body };
                    await {|#0:client.SendAsync(request)|};
                }
            }
            """,
            VerifyCS.Diagnostic(RuleIdentifiers.HttpClientCall).WithLocation(0).WithArguments("PUT", "https://partner.example/contacts/42"),
            VerifyCS.Diagnostic(RuleIdentifiers.HardcodedUrl).WithLocation(0).WithArguments("https://partner.example/contacts/42"));
    }

    [Fact]
    public async Task UrlFromParameter_ShouldReportUnresolvedWithExpression()
    {
        var diagnostic = await AnalyzerRunner.SingleAsync(new HttpClientCallAnalyzer(), """
            using System.Net.Http;
            class Proxy
            {
                void Forward(HttpClient client, string url) => client.GetAsync(url);
            }
            """);

        Assert.Equal(TargetSources.Unresolved, diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal(TargetSources.Unresolved, diagnostic.Properties[FindingProperties.TargetSource]);
        Assert.Equal("url", diagnostic.Properties[FindingProperties.Expression]);
    }

    [Fact]
    public async Task UnresolvedHttpClientType_ShouldReportWithLowConfidence()
    {
        var diagnostic = await AnalyzerRunner.SingleAsync(new HttpClientCallAnalyzer(), """
            class Legacy
            {
                void Call(HttpClient client) => client.GetAsync("https://legacy.example/ping");
            }
            """);

        Assert.Equal("https://legacy.example/ping", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal(Confidence.Low, diagnostic.Properties[FindingProperties.Confidence]);
        Assert.Contains("did not resolve", diagnostic.Properties[FindingProperties.ConfidenceReason]);
    }

    [Fact]
    public async Task GetAsyncOnUnrelatedType_ShouldNotReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Cache
            {
                public Task<string> GetAsync(string key) => Task.FromResult(key);
                Task Use() => GetAsync("https://not-a-call.example");
            }
            """);
    }

    [Fact]
    public async Task NonSendMembersOfHttpClient_ShouldNotReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Net.Http;
            class Lifetime
            {
                void Stop(HttpClient client)
                {
                    client.CancelPendingRequests();
                    client.Timeout = TimeSpan.FromSeconds(5);
                    client.Dispose();
                }
            }
            """);
    }

    [Fact]
    public void TriggerWords_ShouldCoverEverySendMethodOfHttpClientAndWebClient()
    {
        var words = typeof(HttpClientCallAnalyzer).GetCustomAttributes(typeof(TriggerWordsAttribute), false)
            .Cast<TriggerWordsAttribute>().Single().Words;
        var sendMethods = typeof(System.Net.Http.HttpClient).GetMethods()
            .Concat(typeof(System.Net.Http.Json.HttpClientJsonExtensions).GetMethods())
            .Where(m => m.DeclaringType != typeof(object) && m.Name is not ("CancelPendingRequests" or "Dispose") && !m.IsSpecialName)
            .Select(m => m.Name)
            .Distinct();

        Assert.All(sendMethods, name => Assert.Contains(words, word => name.Contains(word, StringComparison.OrdinalIgnoreCase)));

#pragma warning disable SYSLIB0014 // WebClient is obsolete; legacy code still calls it.
        var webClientMethods = typeof(System.Net.WebClient).GetMethods()
            .Where(m => m.Name.StartsWith("Download", StringComparison.Ordinal) || m.Name.StartsWith("Upload", StringComparison.Ordinal) || m.Name.StartsWith("Open", StringComparison.Ordinal))
            .Select(m => m.Name);
#pragma warning restore SYSLIB0014
        Assert.All(webClientMethods, name => Assert.Contains(words, word => name.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }
}
