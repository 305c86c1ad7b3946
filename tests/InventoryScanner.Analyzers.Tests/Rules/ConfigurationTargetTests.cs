using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>Targets read from configuration resolve against the project's appsettings*.json and web.config.</summary>
public sealed class ConfigurationTargetTests
{
    private const string AppSettings = """
        {
          // Partner CRM, production
          "Crm": { "BaseUrl": "https://crm.partner.example/api/v2/", "Timeout": 30, },
          "Messaging": { "Exchange": "billing" },
          "ConnectionStrings": { "Orders": "Server=sql01;Database=Orders" },
        }
        """;

    private const string DevelopmentSettings = """
        { "Crm": { "BaseUrl": "http://localhost:5001/" } }
        """;

    private static readonly (string, string)[] ConfigFiles =
        [("/src/Crm/appsettings.json", AppSettings), ("/src/Crm/appsettings.Development.json", DevelopmentSettings)];

    [Theory]
    [InlineData("configuration[\"Crm:BaseUrl\"]")]
    [InlineData("configuration.GetSection(\"Crm\")[\"BaseUrl\"]")]
    [InlineData("configuration.GetSection(\"Crm:BaseUrl\").Value")]
    [InlineData("configuration.GetRequiredSection(\"Crm\").GetSection(\"BaseUrl\").Value")]
    [InlineData("configuration.GetValue<string>(\"Crm:BaseUrl\")")]
    public async Task BaseAddressFromConfiguration_ShouldResolveAgainstEveryEnvironmentFile(string read)
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), ConfigFiles, $$"""
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.Configuration;
            class CrmClient
            {
                private readonly HttpClient _http;
                public CrmClient(HttpClient http, IConfiguration configuration)
                {
                    _http = http;
                    _http.BaseAddress = new Uri({{read}});
                }
                public void Contacts(int id) => _http.GetAsync($"contacts/{id}");
            }
            """, Stubs.Configuration));

        Assert.Equal("https://crm.partner.example/api/v2/contacts/{id}", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal("Crm:BaseUrl", diagnostic.Properties[FindingProperties.ConfigKey]);
        Assert.Equal("appsettings.json=https://crm.partner.example/api/v2/; appsettings.Development.json=http://localhost:5001/", diagnostic.Properties[FindingProperties.ConfigValues]);
    }

    [Fact]
    public async Task WebClientBaseAddressFromConfiguration_ShouldKeepItsConfigurationSource()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), ConfigFiles, """
            using System.Net;
            using Microsoft.Extensions.Configuration;
            class Legacy
            {
                void Pull(IConfiguration configuration)
                {
            #pragma warning disable SYSLIB0014
                    using var client = new WebClient { BaseAddress = configuration["Crm:BaseUrl"] };
                    client.DownloadString("contacts");
                }
            }
            """, Stubs.Configuration);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("https://crm.partner.example/api/v2/contacts", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal(TargetSources.Configuration, diagnostic.Properties[FindingProperties.TargetSource]);
        Assert.Equal("Crm:BaseUrl", diagnostic.Properties[FindingProperties.ConfigKey]);
    }

    [Fact]
    public async Task KeyThatNoFileSets_ShouldBeNamedNotGuessed()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), ConfigFiles, """
            using System.Net.Http;
            using Microsoft.Extensions.Configuration;
            class Billing
            {
                void Post(HttpClient client, IConfiguration configuration, HttpContent body) =>
                    client.PostAsync(configuration["Billing:Url"] + "/invoices", body);
            }
            """, Stubs.Configuration));

        Assert.Equal("{config:Billing:Url}/invoices", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal(TargetSources.Configuration, diagnostic.Properties[FindingProperties.TargetSource]);
        Assert.Equal("Billing:Url", diagnostic.Properties[FindingProperties.ConfigKey]);
        Assert.Null(diagnostic.Properties[FindingProperties.ConfigValues]);
    }

    [Fact]
    public async Task EnvironmentVariable_ShouldBeNamedEnv()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), """
            using System;
            using System.Net.Http;
            class Status
            {
                void Ping(HttpClient client) => client.GetAsync(Environment.GetEnvironmentVariable("STATUS_URL"));
            }
            """));

        Assert.Equal("env:STATUS_URL", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal(TargetSources.Environment, diagnostic.Properties[FindingProperties.TargetSource]);
        Assert.Equal("Environment.GetEnvironmentVariable(\"STATUS_URL\")", diagnostic.Properties[FindingProperties.Expression]);
    }

    [Fact]
    public async Task ExchangeFromConfiguration_ShouldNameTheChannel()
    {
        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(new RabbitMqAnalyzer(), ConfigFiles, """
            using Microsoft.Extensions.Configuration;
            using RabbitMQ.Client;
            class Publisher
            {
                void Publish(IModel channel, IConfiguration configuration, byte[] body) =>
                    channel.BasicPublish(configuration["Messaging:Exchange"], "invoice.created", null, body);
            }
            """, Stubs.Configuration, Stubs.RabbitMq6));

        Assert.Equal("exchange:billing", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal("Messaging:Exchange", diagnostic.Properties[FindingProperties.ConfigKey]);
    }

    [Fact]
    public async Task LegacyConfigurationManager_ShouldResolveAgainstWebConfig()
    {
        const string webConfig = """
            <?xml version="1.0"?>
            <configuration>
              <appSettings>
                <add key="PartnerUrl" value="https://legacy-partner.example/soap" />
              </appSettings>
              <system.web><httpRuntime targetFramework="4.8" /></system.web>
            </configuration>
            """;
        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), [("/src/Web/Web.config", webConfig)], """
            using System.Net.Http;
            namespace System.Configuration
            {
                public static class ConfigurationManager { public static System.Collections.Specialized.NameValueCollection AppSettings => null!; }
            }
            class Legacy
            {
                void Call(HttpClient client) => client.GetAsync(System.Configuration.ConfigurationManager.AppSettings["PartnerUrl"]);
            }
            """));

        Assert.Equal("https://legacy-partner.example/soap", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal("Web.config=https://legacy-partner.example/soap", diagnostic.Properties[FindingProperties.ConfigValues]);
    }
}
