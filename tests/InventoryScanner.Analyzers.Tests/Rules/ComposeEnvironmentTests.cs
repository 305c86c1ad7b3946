using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>
/// A docker-compose service's <c>environment:</c> is the configuration of the project the service is built from:
/// eShopOnContainers-style repositories set their services' addresses there and nowhere else.
/// </summary>
public sealed class ComposeEnvironmentTests
{
    private const string Compose = """
        services:
          webmvc:
            image: shop/webmvc
            build:
              context: .
              dockerfile: src/Web/WebMVC/Dockerfile
          ordering.api:
            build:
              context: .
              dockerfile: src/Services/Ordering/Dockerfile
        """;

    private const string Override = """
        services:
          webmvc:
            environment:
              - ASPNETCORE_ENVIRONMENT=Development
              - CatalogUrl=http://catalog.api/api/v1
              - Partners__Crm__BaseUrl=${CRM_URL:-https://crm.example.com}/api
              - Reports__Url=${REPORTS_URL}
              - BasketUrl=http://basket.api
          ordering.api:
            environment:
              CatalogUrl: http://wrong.example.com
              IdentityPassword: Xk3!pL9#qR2vT8wz
        """;

    private const string Program = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        static class Startup
        {
            static void Register(IServiceCollection services, IConfiguration configuration)
            {
                services.Configure<AppSettings>(configuration);
                services.Configure<PartnerSettings>(configuration.GetSection("Partners"));
            }
        }
        public sealed class AppSettings { public string CatalogUrl { get; set; } = ""; public string BasketUrl { get; set; } = ""; }
        public sealed class PartnerSettings { public CrmSettings Crm { get; set; } = new(); }
        public sealed class CrmSettings { public string BaseUrl { get; set; } = ""; }
        """;

    // Microsoft.Extensions.Options and .Configuration are left unresolved, as in a repository scanned without restore.
    private const string Calls = """
        using System.Net.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Options;
        class CatalogService
        {
            private readonly IOptions<AppSettings> _settings;
            private readonly IOptionsSnapshot<PartnerSettings> _partners;
            private readonly IConfiguration _configuration;
            public CatalogService(IOptions<AppSettings> settings, IOptionsSnapshot<PartnerSettings> partners, IConfiguration configuration)
            {
                _settings = settings;
                _partners = partners;
                _configuration = configuration;
            }

            void Run(HttpClient client)
            {
                client.GetAsync($"{_settings.Value.CatalogUrl}/items");
                client.GetAsync(this._settings.Value.BasketUrl + "/basket");
                client.GetAsync(_partners.Value.Crm.BaseUrl + "/contacts");
                client.GetAsync(_configuration["Reports:Url"]);
            }
        }
        """;

    private static readonly (string Path, string Text)[] Files =
    [
        ("/repo/docker-compose.yml", Compose),
        ("/repo/docker-compose.override.yml", Override),
        ("/repo/.env", "REPORTS_URL=http://reports.api\n"),
        ("/repo/src/Web/WebMVC/appsettings.json", """{ "BasketUrl": "http://localhost:5103" }"""),
    ];

    private static readonly string[] Lent = ["/repo/docker-compose.yml", "/repo/docker-compose.override.yml", "/repo/.env"];

    [Fact]
    public async Task ServiceEnvironment_ShouldBeTheConfigurationOfTheProjectItIsBuiltFrom()
    {
        var diagnostics = await AnalyzerRunner.RunInProjectAsync(new HttpClientCallAnalyzer(), "/repo/src/Web/WebMVC/", Files, Lent, Calls, Program);

        Assert.Equal(
            [
                "http://catalog.api/api/v1/items CatalogUrl",
                // The deployed value overrides the one appsettings.json ships, as an environment variable does.
                "http://basket.api/basket BasketUrl",
                "https://crm.example.com/api/contacts Partners:Crm:BaseUrl",
                "http://reports.api Reports:Url",
            ],
            diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall).Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.ConfigKey)}"));
    }

    [Fact]
    public async Task AnotherProjectsService_ShouldNotGiveItsEnvironment()
    {
        var diagnostics = await AnalyzerRunner.RunInProjectAsync(new HttpClientCallAnalyzer(), "/repo/src/Web/Admin/", Files, Lent, Calls, Program);

        Assert.Equal(
            // Only the file the project ships sets one of them.
            ["{config:CatalogUrl}/items", "http://localhost:5103/basket", "{config:Partners:Crm:BaseUrl}/contacts", "config:Reports:Url"],
            diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall).Select(d => d.Properties[FindingProperties.Target]));
    }

    [Fact]
    public async Task LentComposeFile_ShouldNotReportItsSecretsOrServicesAgain()
    {
        var lentSecrets = await AnalyzerRunner.RunInProjectAsync(new HardcodedCredentialAnalyzer(), "/repo/src/Web/WebMVC/", Files, Lent);
        var lentServices = await AnalyzerRunner.RunInProjectAsync(new ComposeServiceAnalyzer(), "/repo/src/Web/WebMVC/", Files, Lent);
        var ownedSecrets = await AnalyzerRunner.RunInProjectAsync(new HardcodedCredentialAnalyzer(), "/repo/", Files, []);

        Assert.Empty(lentSecrets);
        Assert.Empty(lentServices);
        Assert.Contains(ownedSecrets, d => d.Location.GetLineSpan().Path == "/repo/docker-compose.override.yml");
    }
}
