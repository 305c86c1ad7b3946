using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>How far a target is resolved: string.Format, helpers that build the URL, locals assigned more than once.</summary>
public sealed class TargetResolutionTests
{
    private static async Task<List<string>> TargetsAsync(string source)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), source);
        return diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall)
            .Select(d => $"{d.Properties[FindingProperties.Target]} [{d.Properties[FindingProperties.TargetSource]}]")
            .ToList();
    }

    [Fact]
    public async Task StringFormat_ShouldFillItsItems_AndLeaveUnknownOnesAsHoles()
    {
        Assert.Equal(
            [
                "https://crm.example.com/api/contacts/{id} [interpolated]",
                "https://crm.example.com/api/v2/notes [constant]",
            ],
            await TargetsAsync("""
                using System.Net.Http;
                class Crm
                {
                    const string Base = "https://crm.example.com/api";
                    void Run(HttpClient client, int id)
                    {
                        client.GetAsync(string.Format("{0}/contacts/{1}", Base, id));
                        client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}/v{1:D}/notes", Base, 2));
                    }
                }
                """));
    }

    [Fact]
    public async Task HelperBuildingTheUrl_ShouldBeReadThroughWithTheCallersArguments()
    {
        Assert.Equal(
            [
                "https://catalog.example.com/items?page={page}&size=20 [interpolated]",
                "https://catalog.example.com/brands/{brand} [interpolated]",
            ],
            await TargetsAsync("""
                using System.Net.Http;
                class Catalog
                {
                    private readonly string _base = "https://catalog.example.com/";
                    void Run(HttpClient client, int page, string brand)
                    {
                        client.GetAsync(ItemsUri(_base, page, 20));
                        client.GetAsync(BrandUri(brand));
                        string BrandUri(string name) => $"{_base}brands/{name}";
                    }

                    private static string ItemsUri(string baseUri, int pageIndex, int pageSize)
                    {
                        return $"{baseUri}items?page={pageIndex}&size={pageSize}";
                    }
                }
                """));
    }

    [Fact]
    public async Task LocalAssignedAgain_ShouldNotBeReadFromItsInitializer()
    {
        Assert.Equal(
            [
                "unresolved [unresolved]",
                "https://status.example.com/ping [constant]",
            ],
            await TargetsAsync("""
                using System.Net.Http;
                class Status
                {
                    void Run(HttpClient client, bool secondary)
                    {
                        var url = "https://status.example.com/ping";
                        if (secondary) url = "https://status-b.example.com/ping";
                        client.GetAsync(url);
                        var fixedUrl = "https://status.example.com/ping";
                        client.GetAsync(fixedUrl);
                    }
                }
                """));
    }

    [Fact]
    public async Task ServiceDiscoveryNames_ShouldBeCalls_ButNeitherHardCodedNorPlainHttpWarnings()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), """
            using System;
            using System.Net.Http;
            class Clients
            {
                void Run(HttpClient client)
                {
                    client.GetAsync("https+http://catalog-api/api/items");
                    client.GetAsync("http://webhooks-api/api/webhooks");
                    client.GetAsync("http://partner.example.com/api");
                }
            }
            """);
        Assert.Equal(
            [
                "INV1001 https+http://catalog-api/api/items",
                "INV1001 http://webhooks-api/api/webhooks",
                "INV1001 http://partner.example.com/api",
                "INV1003 http://partner.example.com/api",
                "INV1005 http://partner.example.com/api",
            ],
            diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Target]}"));
    }

    [Fact]
    public async Task TargetTypedNew_WhenThePropertyTypeDidNotResolve_ShouldStillGiveTheAddress()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), """
            using Microsoft.Extensions.DependencyInjection;
            static class Registrations
            {
                static void Add(IServiceCollection services) =>
                    services.AddGrpcClient<Basket.BasketClient>(o => o.Address = new("http://basket-api"));
            }
            """, Stubs.HttpClientFactory);
        var registration = Assert.Single(diagnostics);
        Assert.Equal("http://basket-api", registration.Properties[FindingProperties.Target]);
        Assert.Equal(Confidence.Low, registration.Properties[FindingProperties.Confidence]);
    }
}
