using System.Text.Json;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>The legacy sample (tests/legacy): old-format net48/net472 projects with packages.config, scanned on Linux.</summary>
public sealed class LegacySampleFixture : IAsyncLifetime
{
    internal CliRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await CliRun.ScanAsync(RepositoryPaths.LegacySample);

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection(ScannerCollection.Name)]
public sealed class LegacySampleTests(LegacySampleFixture fixture) : IClassFixture<LegacySampleFixture>
{
    private static readonly string[] LegacySecrets = ["Bi11ing-Prod-2019!", "Pay-Partner-7Hq2mX9vL4wR8", "Arch1ve!2016", "J0bs-Rabbit!", "Exp0rt-Daily-42", "R3dis-Cache-Pr0d"];

    private JsonElement Inventory => JsonDocument.Parse(fixture.Run.Read("inventory.json")).RootElement;

    [Fact]
    public void OldFormatProjects_ShouldBeAnalysedSemantically_WithTheFrameworkAndPackagesTheyLackHere()
    {
        Assert.True(fixture.Run.ExitCode == 0, fixture.Run.Error);
        var components = Inventory.GetProperty("components").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("analysis").GetString()} [{string.Join("; ", c.GetProperty("messages").EnumerateArray().Select(m => m.GetString()))}]");

        Assert.Equal(["Contoso.Billing.Jobs semantic []", "Contoso.Billing.Web semantic []"], components);
        Assert.Empty(Inventory.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public void Findings_ShouldBeExactlyTheLegacyIntegrations()
    {
        var findings = Inventory.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() != "anti-pattern")
            .Select(f => $"{f.GetProperty("kind").GetString()} {f.GetProperty("library").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("line").GetInt32()} {f.GetProperty("target").GetString()} {f.GetProperty("confidence").GetString()}");

        Assert.Equal(
            [
                "secret configuration Contoso.Billing.Jobs/App.config:7 Redis.Configuration high",
                "http-client System.Net.HttpWebRequest Contoso.Billing.Jobs/InvoiceArchiver.cs:12 http://erp.contoso.local/Finance/exports/daily.csv high",
                "secret System.Net Contoso.Billing.Jobs/InvoiceArchiver.cs:13 password high",
                "queue-publish System.Messaging Contoso.Billing.Jobs/InvoiceArchiver.cs:23 queue:.\\private$\\invoice-archive high",
                "secret RabbitMQ.Client Contoso.Billing.Jobs/PaymentListener.cs:16 Password high",
                "queue-declaration RabbitMQ.Client Contoso.Billing.Jobs/PaymentListener.cs:19 queue:billing.payments.jobs high",
                "queue-binding RabbitMQ.Client Contoso.Billing.Jobs/PaymentListener.cs:20 queue:billing.payments.jobs high",
                "cache StackExchange.Redis Contoso.Billing.Jobs/PaymentListener.cs:26 redis:cache-prod.contoso.local high",
                "queue-publish StackExchange.Redis Contoso.Billing.Jobs/PaymentListener.cs:27 channel:payments.settled high",
                "queue-consume RabbitMQ.Client Contoso.Billing.Jobs/PaymentListener.cs:30 queue:billing.payments.jobs high",
                "secret code Contoso.Billing.Web/Data/CustomerRepository.cs:9 connection string to sql-archive-01 high",
                "database System.Data.SqlClient Contoso.Billing.Web/Data/CustomerRepository.cs:13 sqlserver:sql-prod-01/Billing high",
                "sql-statement System.Data.SqlClient Contoso.Billing.Web/Data/CustomerRepository.cs:14 tables:Customers high",
                "database System.Data.SqlClient Contoso.Billing.Web/Data/CustomerRepository.cs:23 sqlserver:sql-archive-01/BillingArchive high",
                "sql-statement System.Data.SqlClient Contoso.Billing.Web/Data/CustomerRepository.cs:24 tables:Customers high",
                "http-client System.Net.WebClient Contoso.Billing.Web/Default.aspx.cs:14 https://rates.partner.example/v1/latest?base=EUR high",
                "queue-declaration RabbitMQ.Client Contoso.Billing.Web/Messaging/PaymentPublisher.cs:18 exchange:billing.payments high",
                "queue-publish RabbitMQ.Client Contoso.Billing.Web/Messaging/PaymentPublisher.cs:20 exchange:billing.payments medium",
                "soap-client System.ServiceModel Contoso.Billing.Web/Services/InvoiceGateway.cs:12 http://erp.contoso.local/Finance/InvoiceService.svc high",
                "soap-client System.Web.Services Contoso.Billing.Web/Services/TaxLookup.cs:9 http://tax.contoso.example/TaxService.asmx high",
                "secret configuration Contoso.Billing.Web/Web.config:9 ConnectionStrings:BillingDb high",
                "secret configuration Contoso.Billing.Web/Web.config:15 PaymentGateway.ApiKey high",
            ],
            findings);
    }

    [Fact]
    public void TargetsReadFromWebConfig_ShouldCarryTheirKeys()
    {
        var findings = Inventory.GetProperty("findings").EnumerateArray().ToList();
        var tax = findings.Single(f => f.GetProperty("path").GetString() == "Contoso.Billing.Web/Services/TaxLookup.cs").GetProperty("details");
        var erp = findings.Single(f => f.GetProperty("path").GetString() == "Contoso.Billing.Web/Services/InvoiceGateway.cs").GetProperty("details");

        Assert.Equal("applicationSettings:Contoso.Billing.Web.Properties.Settings:Contoso_Billing_Web_TaxService_TaxService", tax.GetProperty("configKey").GetString());
        Assert.Equal("TaxService.GetRate", tax.GetProperty("operation").GetString());
        Assert.Equal("system.serviceModel:client:endpoint:BasicHttpBinding_IInvoiceService", erp.GetProperty("configKey").GetString());
    }

    [Fact]
    public void Graph_ShouldJoinTheWebPublisherToTheJobsConsumer()
    {
        var edges = Inventory.GetProperty("graph").GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("from").GetString()} -{e.GetProperty("kind").GetString()}-> {e.GetProperty("to").GetString()}")
            .ToList();

        Assert.Contains("component:Contoso.Billing.Web -publishes-> channel:RabbitMQ.Client:exchange:billing.payments", edges);
        Assert.Contains("channel:RabbitMQ.Client:exchange:billing.payments -binds-> channel:RabbitMQ.Client:queue:billing.payments.jobs", edges);
        Assert.Contains("channel:RabbitMQ.Client:queue:billing.payments.jobs -consumes-> component:Contoso.Billing.Jobs", edges);
        Assert.Contains("component:Contoso.Billing.Web -soap-> external:http://tax.contoso.example", edges);
    }

    [Fact]
    public void NoOutput_ShouldHoldARawSecret()
    {
        foreach (var (name, text) in fixture.Run.AllOutputs())
        {
            foreach (var secret in LegacySecrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{name} holds a raw secret of the legacy sample");
            }
        }
    }

    [Fact]
    public async Task NoBuildEval_ShouldStillAnalyseTheListedFilesAgainstTheFramework()
    {
        var run = await CliRun.ScanAsync(RepositoryPaths.LegacySample, "--no-build-eval", "-v", "quiet");

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.All(inventory.GetProperty("components").EnumerateArray(), c => Assert.Equal("partial", c.GetProperty("analysis").GetString()));
        var asmx = inventory.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "Contoso.Billing.Web/Services/TaxLookup.cs");
        Assert.Equal("http://tax.contoso.example/TaxService.asmx", asmx.GetProperty("target").GetString());
        Assert.Equal("high", asmx.GetProperty("confidence").GetString());
    }
}
