using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>Secrets in appsettings*.json and web.config, passed as AdditionalFiles.</summary>
public sealed class ConfigurationSecretTests
{
    private const string Code = "class C { }";

    [Fact]
    public async Task WebConfig_ShouldReportFormsUsersAndTheSmtpAccountsPassword_NotTheirNames()
    {
        const string webConfig = """
            <?xml version="1.0"?>
            <configuration>
              <connectionStrings>
                <!--<add name="Orders" connectionString="Data Source=217.0.113.9;Initial Catalog=Orders;User ID=sa;Password=Pr0d!sa2017" providerName="System.Data.SqlClient" />-->
                <!-- the test server is Data Source=sql-test;Initial Catalog=Orders;Integrated Security=true -->
              </connectionStrings>
              <system.web>
                <authentication mode="Forms">
                  <forms loginUrl="~/Login.aspx">
                    <credentials passwordFormat="Clear">
                      <user name="admin" password="Adm1n!Portal" />
                      <user name="auditor" password="5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8" />
                      <user name="guest" password="" />
                    </credentials>
                  </forms>
                  <credentials><user name="svc" password="Vintage!" /></credentials>
                </authentication>
                <machineKey validationKey="5D2A6F0C9E8B7A1D3C4B5A69788F7E6D5C4B3A291807F6E5D4C3B2A19081726354" decryptionKey="AutoGenerate,IsolateApps" validation="SHA1" />
              </system.web>
              <system.net>
                <mailSettings>
                  <smtp from="shop@contoso.example"><network host="smtp.contoso.example" userName="shop" password="Sm7p!Relay" /></smtp>
                </mailSettings>
              </system.net>
              <log4net>
                <appender name="Db" type="log4net.Appender.AdoNetAppender">
                  <connectionString value="Data Source=sql-logs;Initial Catalog=Logs;User ID=logger;Password=L0gg3r!2017" />
                  <commandText value="INSERT INTO Log ([Date]) VALUES (@log_date)" />
                </appender>
              </log4net>
              <elmah><errorLog type="Elmah.SqlErrorLog, Elmah" connectionString="Server=sql-logs;Database=Elmah;Integrated Security=true" /></elmah>
            </configuration>
            """;

        var diagnostics = await AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), [("/src/Shop/Web.config", webConfig)], Code);

        Assert.Equal(
            [
                "(commented out):ConnectionStrings:Orders",
                "system.web:authentication:forms:credentials:admin:password",
                "system.web:authentication:forms:credentials:auditor:password",
                "system.web:authentication:forms:credentials:svc:password",
                "system.web:machineKey:validationKey",
                "system.net:mailSettings:smtp:network:password",
                "log4net:appender:connectionString:value",
            ],
            diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).Select(d => d.Properties[FindingProperties.Target]));
        Assert.All(diagnostics, d => Assert.DoesNotContain("Portal", d.Properties[FindingProperties.Evidence], StringComparison.Ordinal));
        Assert.Equal(4, diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).First().Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(diagnostics, d => d.Properties[FindingProperties.Evidence]!.Contains("sa2017", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppSettings_ShouldReportConnectionStringsAndCredentialKeysWithTheirEnvironment()
    {
        const string appSettings = """
            {
              "ConnectionStrings": {
                "Orders": "Server=sql-prod-01;Database=Orders;User Id=app;Password=Pr0d-Secret!",
                "Reports": "Server=sql-prod-01;Database=Reports;Integrated Security=true"
              },
              "Partner": {
                "BaseUrl": "https://partner.example/",
                "ApiKey": "pk_live_51HxQ2eR7tZZ",
                "ApiKeyHeader": "X-Api-Key",
                "Token": "short"
              },
              "Smtp": { "Password": "" }
            }
            """;
        const string development = """
            { "ConnectionStrings": { "Orders": "Server=localhost;Database=Orders;User Id=sa;Pwd=Pass@word1" } }
            """;

        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardcodedCredentialAnalyzer(),
            [("/src/Api/appsettings.json", appSettings), ("/src/Api/appsettings.Development.json", development)],
            Code);

        Assert.Collection(
            diagnostics.OrderBy(d => d.Location.GetLineSpan().Path).ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line),
            orders =>
            {
                Assert.Equal("/src/Api/appsettings.Development.json", orders.Location.GetLineSpan().Path);
                Assert.Equal("Development", orders.Properties[FindingProperties.Environment]);
                Assert.Equal("\"ConnectionStrings:Orders\": \"Server=localhost;Database=Orders;User Id=sa;Pwd=Pa…(10 chars)\"", orders.Properties[FindingProperties.Evidence]);
            },
            orders =>
            {
                Assert.Equal(2, orders.Location.GetLineSpan().StartLinePosition.Line);
                Assert.Equal("ConnectionStrings:Orders", orders.Properties[FindingProperties.Target]);
                Assert.Equal("default", orders.Properties[FindingProperties.Environment]);
                Assert.Equal("connection-string", orders.Properties[FindingProperties.SecretKind]);
            },
            apiKey =>
            {
                Assert.Equal(7, apiKey.Location.GetLineSpan().StartLinePosition.Line);
                Assert.Equal("Partner:ApiKey", apiKey.Properties[FindingProperties.Target]);
                Assert.Equal("api-key", apiKey.Properties[FindingProperties.SecretKind]);
                Assert.Equal("\"Partner:ApiKey\": \"pk_…(20 chars)\"", apiKey.Properties[FindingProperties.Evidence]);
            });
        Assert.All(diagnostics, d => Assert.DoesNotContain("Pr0d-Secret!", string.Join(" ", d.Properties.Values)));
    }

    [Fact]
    public async Task WebConfig_ShouldReportConnectionStringsAndAppSettings()
    {
        const string webConfig = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <connectionStrings>
                <add name="Crm" connectionString="Data Source=crm-db;Initial Catalog=Crm;User ID=crm;Password=Legacy#2009" providerName="System.Data.SqlClient" />
              </connectionStrings>
              <appSettings>
                <add key="SmtpPassword" value="mail-Pa55word" />
                <add key="PartnerUrl" value="https://partner.example/" />
              </appSettings>
            </configuration>
            """;

        var diagnostics = await AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), [("/src/Web/Web.config", webConfig)], Code);

        Assert.Collection(
            diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line),
            crm =>
            {
                Assert.Equal(3, crm.Location.GetLineSpan().StartLinePosition.Line);
                Assert.Equal("ConnectionStrings:Crm", crm.Properties[FindingProperties.Target]);
                Assert.Equal("connection-string", crm.Properties[FindingProperties.SecretKind]);
            },
            smtp =>
            {
                Assert.Equal(6, smtp.Location.GetLineSpan().StartLinePosition.Line);
                Assert.Equal("SmtpPassword", smtp.Properties[FindingProperties.Target]);
                Assert.Equal("password", smtp.Properties[FindingProperties.SecretKind]);
            });
    }

    [Fact]
    public async Task AppConfig_ShouldReportRedisPasswordsAndSettingsDesignerValues()
    {
        const string appConfig = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <appSettings>
                <add key="Redis.Configuration" value="cache-prod:6379,password=R3dis-Cache-Pr0d,ssl=false" />
                <add key="Redis.Local" value="localhost:6379,abortConnect=false" />
                <add key="Cluster" value="a=1,b=2" />
              </appSettings>
              <applicationSettings>
                <Jobs.Properties.Settings>
                  <setting name="ExportPassword" serializeAs="String"><value>Exp0rt-Daily-42</value></setting>
                  <setting name="ExportUrl" serializeAs="String"><value>https://erp.example/exports</value></setting>
                </Jobs.Properties.Settings>
              </applicationSettings>
            </configuration>
            """;

        var diagnostics = await AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), [("/src/Jobs/App.config", appConfig)], Code);

        Assert.Collection(
            diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line),
            redis =>
            {
                Assert.Equal(3, redis.Location.GetLineSpan().StartLinePosition.Line);
                Assert.Equal("connection-string", redis.Properties[FindingProperties.SecretKind]);
                Assert.Equal("\"Redis.Configuration\": \"cache-prod:6379,password=R3d…(16 chars),ssl=false\"", redis.Properties[FindingProperties.Evidence]);
            },
            setting =>
            {
                Assert.Equal(9, setting.Location.GetLineSpan().StartLinePosition.Line);
                Assert.Equal("applicationSettings:Jobs.Properties.Settings:ExportPassword", setting.Properties[FindingProperties.Target]);
            });
    }

    [Fact]
    public async Task InvalidConfiguration_ShouldBeSkippedWithoutFailing()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), [("/src/Api/appsettings.json", "{ \"Password\": ")], Code);

        Assert.Empty(diagnostics);
    }
}
