using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>Targets read from options classes bound to a configuration section.</summary>
public sealed class OptionsBindingTests
{
    private const string OptionsStub = """
        namespace Microsoft.Extensions.Options
        {
            public interface IOptions<out T> where T : class { T Value { get; } }
            public interface IOptionsMonitor<out T> { T CurrentValue { get; } T Get(string name); }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            using Microsoft.Extensions.Configuration;
            public interface IServiceCollection { }
            public sealed class OptionsBuilder<T> where T : class
            {
                public OptionsBuilder<T> Bind(IConfiguration config) => this;
                public OptionsBuilder<T> BindConfiguration(string path) => this;
                public OptionsBuilder<T> ValidateOnStart() => this;
            }
            public static class OptionsServiceCollectionExtensions
            {
                public static IServiceCollection Configure<T>(this IServiceCollection services, IConfiguration config) where T : class => services;
                public static OptionsBuilder<T> AddOptions<T>(this IServiceCollection services) where T : class => null!;
            }
        }
        """;

    private const string Program = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        static class Startup
        {
            public const string LoyaltySection = "Loyalty";
            static void Register(IServiceCollection services, IConfiguration configuration)
            {
                services.Configure<PartnerOptions>(configuration.GetSection("Partners").GetSection("Crm"));
                services.AddOptions<LoyaltyOptions>().BindConfiguration(LoyaltySection).ValidateOnStart();
            }
        }
        public sealed class PartnerOptions { public string BaseUrl { get; set; } = ""; public EndpointOptions Status { get; set; } = new(); }
        public sealed class EndpointOptions { public string Url { get; set; } = ""; }
        public sealed class LoyaltyOptions { public string Url { get; set; } = ""; }
        public sealed class ShippingOptions { public string Url { get; set; } = ""; }
        """;

    private const string Calls = """
        using System.Net.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Options;
        class Clients
        {
            private readonly LoyaltyOptions _loyalty;
            public Clients(IOptions<LoyaltyOptions> loyalty) => _loyalty = loyalty.Value;

            void Run(HttpClient client, IOptions<PartnerOptions> partner, IOptionsMonitor<PartnerOptions> monitor, IConfiguration configuration, ShippingOptions unbound)
            {
                client.GetAsync(partner.Value.BaseUrl + "contacts");
                client.GetAsync(monitor.CurrentValue.Status.Url);
                client.GetAsync(_loyalty.Url);
                var shipping = configuration.GetSection("Shipping").Get<ShippingOptions>();
                client.GetAsync(shipping.Url);
                client.GetAsync(unbound.Url);
            }
        }
        """;

    private const string Settings = """
        {
          "Partners": { "Crm": { "BaseUrl": "https://crm.example.com/api/", "Status": { "Url": "https://status.crm.example.com/" } } },
          "Loyalty": { "Url": "https://loyalty.example.com/points" },
          "Shipping": { "Url": "https://shipping.example.com/rates" }
        }
        """;

    [Fact]
    public async Task OptionsProperties_ShouldResolveThroughTheSectionTheirClassIsBoundTo()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HttpClientCallAnalyzer(),
            [("/src/appsettings.json", Settings)],
            Calls,
            Program,
            OptionsStub,
            Stubs.Configuration);
        Assert.Equal(
            [
                "https://crm.example.com/api/contacts Partners:Crm:BaseUrl",
                "https://status.crm.example.com/ Partners:Crm:Status:Url",
                "https://loyalty.example.com/points Loyalty:Url",
                "https://shipping.example.com/rates Shipping:Url",
                // Bound nowhere in sight, and its class's default is empty: the setting is what the code names.
                "settings:ShippingOptions.Url settings:ShippingOptions.Url",
            ],
            diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall).Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.ConfigKey)}"));
    }

    [Fact]
    public async Task OptionsBoundToTheRoot_ShouldResolveTheirPropertiesAsTopLevelKeys()
    {
        // Configure<T>(configuration): the whole configuration is the class, as eShopOnContainers' background tasks bind theirs.
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HttpClientCallAnalyzer(),
            [("/src/appsettings.json", """{ "PingUrl": "https://ping.example.com/health", "Retries": 3 }""")],
            """
            using System.Net.Http;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            static class Startup
            {
                static void Register(IServiceCollection services, IConfiguration configuration) => services.Configure<TaskSettings>(configuration);
            }
            public sealed class TaskSettings { public string PingUrl { get; set; } = ""; }
            public sealed class Pinger
            {
                private readonly TaskSettings _settings;
                public Pinger(IOptions<TaskSettings> settings) => _settings = settings.Value;
                void Run(HttpClient client) => client.GetAsync(_settings.PingUrl);
            }
            """,
            OptionsStub,
            Stubs.Configuration);

        var call = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.HttpClientCall);
        Assert.Equal(("https://ping.example.com/health", "PingUrl"), (call.Properties[FindingProperties.Target], call.Properties[FindingProperties.ConfigKey]));
    }
}
