using System.Text.Json;

namespace InventoryScanner.Tests.EndToEnd;

[Collection(ScannerCollection.Name)]
public sealed class SampleScanTests(SampleScanFixture fixture)
{
    /// <summary>The fake credentials in the sample: none of them may appear in any output.</summary>
    private static readonly string[] SampleSecrets = ["pk_live_9f8e7d6c5b4a3f2e1d0c", "Crm#Sync2021", "Orders!2019", "0rders-Api!2020", "Pass@word1", "test-only-pass-123"];

    private JsonElement Inventory => JsonDocument.Parse(fixture.Run.Read("inventory.json")).RootElement;

    [Fact]
    public void Scan_ShouldSucceedAndWriteTheThreeOutputs()
    {
        Assert.True(fixture.Run.ExitCode == 0, fixture.Run.Error);
        Assert.Contains("Scanned 5 project(s) (1 partial, 4 semantic); 1 excluded.", fixture.Run.Output);
        foreach (var file in new[] { "inventory.json", "report.html", "report.md" })
        {
            Assert.True(File.Exists(Path.Combine(fixture.Run.OutDirectory, file)), file);
        }

        Assert.DoesNotContain("   at ", fixture.Run.Error);
    }

    [Fact]
    public void Components_ShouldBeMarkedByHowFarTheyCouldBeAnalysed()
    {
        var components = Inventory.GetProperty("components").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("project").GetString()} {c.GetProperty("analysis").GetString()}");

        Assert.Equal(
            [
                "Billing.Worker src/Billing.Worker/Billing.Worker.csproj semantic",
                "Crm.Sync src/Crm.Sync/Crm.Sync.csproj semantic",
                "Legacy.Notifications src/Legacy.Notifications/Legacy.Notifications.csproj partial",
                "Ordering.Api src/Ordering.Api/Ordering.Api.csproj semantic",
                "Shared.Data src/Shared.Data/Shared.Data.csproj semantic",
            ],
            components);
        // No analyzer failed on any of them (an analyzer's exception is said as a component message).
        Assert.DoesNotContain(Inventory.GetProperty("components").EnumerateArray().SelectMany(c => c.GetProperty("messages").EnumerateArray()), m => m.GetString()!.StartsWith("analyzer ", StringComparison.Ordinal));
        var legacy = Inventory.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Legacy.Notifications");
        Assert.Contains(legacy.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("NU1101", StringComparison.Ordinal));
    }

    [Fact]
    public void TestProjects_ShouldBeExcludedByWhatTheyReference()
    {
        var excluded = Assert.Single(Inventory.GetProperty("excluded").EnumerateArray());
        Assert.Equal("tests/Ordering.Tests/Ordering.Tests.csproj", excluded.GetProperty("project").GetString());
        Assert.Contains("Microsoft.NET.Test.Sdk", excluded.GetProperty("reason").GetString());
    }

    [Fact]
    public void Findings_ShouldBeExactlyTheSampleIntegrations()
    {
        var findings = Inventory.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() != "anti-pattern")
            .Select(f => $"{f.GetProperty("kind").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("line").GetInt32()} {f.GetProperty("target").GetString()} {f.GetProperty("confidence").GetString()}");

        Assert.Equal(
            [
                "secret src/Billing.Worker/BillingWorker.cs:12 PaymentApiKey high",
                "queue-publish src/Billing.Worker/BillingWorker.cs:28 exchange:billing high",
                "queue-consume src/Billing.Worker/BillingWorker.cs:31 queue:billing.orders high",
                "operations src/Billing.Worker/BillingWorker.cs:41 auth:credential-header high",
                "http-client src/Billing.Worker/BillingWorker.cs:42 https://api.payments-partner.example/v1/charges high",
                "http-client src/Billing.Worker/FraudCheckClient.cs:9 https://fraud.partner.example/api/checks high",
                "database src/Billing.Worker/InvoiceLedger.cs:13 sqlserver:sql-prod-01/Orders high",
                "sql-statement src/Billing.Worker/InvoiceLedger.cs:15 tables:Orders high",
                "http-client-registration src/Billing.Worker/Program.cs:6 https://fraud.partner.example/api/ high",
                "http-client-registration src/Billing.Worker/Program.cs:11 https://rates.tax-authority.example high",
                "http-client src/Billing.Worker/TaxCalculator.cs:6 https://rates.tax-authority.example/v2/rates/{country} high",
                "secret src/Crm.Sync/ContactSync.cs:10 password high",
                "http-client src/Crm.Sync/ContactSync.cs:18 https://crm.partner-crm.example/api/v2/contacts?modifiedSince={since} high",
                "http-client src/Crm.Sync/ContactSync.cs:28 https://crm.partner-crm.example/api/v2/contacts/{id} high",
                "http-client src/Crm.Sync/ContactSync.cs:34 unresolved high",
                "http-client src/Crm.Sync/PartnerDirectory.cs:16 https://registry.partner-crm.example/api/v3/companies/{vat} high",
                "http-client src/Crm.Sync/PartnerDirectory.cs:21 https://registry.partner-crm.example/api/v3/companies high",
                "http-client src/Crm.Sync/PartnerDirectory.cs:24 https://geo.partner-crm.example/v1/lookup high",
                "queue-consume src/Legacy.Notifications/EmailNotifier.cs:13 queue:notifications.email low",
                "queue-binding src/Legacy.Notifications/EmailNotifier.cs:14 queue:notifications.email low",
                "queue-publish src/Legacy.Notifications/EmailNotifier.cs:19 exchange:audit low",
                "http-client src/Ordering.Api/InventoryClient.cs:18 http://inventory.internal:8080/api/stock/{sku} high",
                "http-client src/Ordering.Api/InventoryClient.cs:21 http://inventory.internal:8080/api/reservations high",
                "http-client src/Ordering.Api/LoyaltyNotifier.cs:11 https://loyalty.contoso.example/api/members/orders/{Id}/points high",
                "queue-publish src/Ordering.Api/OrderService.cs:21 queue:billing.orders high",
                "database src/Ordering.Api/OrderStore.cs:10 sqlserver:sql-prod-01/Orders high",
                "sql-statement src/Ordering.Api/OrderStore.cs:12 tables:Orders high",
                "http-client-registration src/Ordering.Api/Program.cs:6 unresolved high",
                "http-client-registration src/Ordering.Api/Program.cs:7 unresolved high",
                "http-client-registration src/Ordering.Api/Program.cs:8 https://loyalty.contoso.example/api/ high",
                "http-client src/Ordering.Api/ShippingClient.cs:9 https://api.shipping-partner.example/v3/shipments high",
                "secret src/Ordering.Api/appsettings.Development.json:3 ConnectionStrings:Orders high",
                "secret src/Ordering.Api/appsettings.json:6 ConnectionStrings:Orders high",
                "secret src/Shared.Data/DbSettings.cs:6 connection string to sql-prod-01 high",
            ],
            findings);
    }

    [Fact]
    public void AntiPatterns_ShouldBeExactlyTheSampleWarnings()
    {
        var warnings = Inventory.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "anti-pattern")
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("line").GetInt32()} {f.GetProperty("target").GetString()} {f.GetProperty("severity").GetString()}");

        Assert.Equal(
            [
                "INV2003 src/Billing.Worker/BillingWorker.cs:31 queue:billing.orders warning",
                "INV2010 src/Billing.Worker/BillingWorker.cs:31 queue:billing.orders warning",
                "INV1003 src/Billing.Worker/BillingWorker.cs:42 https://api.payments-partner.example/v1/charges warning",
                "INV1003 src/Billing.Worker/FraudCheckClient.cs:9 https://fraud.partner.example/api/checks warning",
                "INV4005 src/Billing.Worker/InvoiceLedger.cs:13 sqlserver:sql-prod-01/Orders warning",
                "INV4007 src/Billing.Worker/InvoiceLedger.cs:13 SqlConnection warning",
                "INV1003 src/Crm.Sync/ContactSync.cs:18 https://crm.partner-crm.example/api/v2/contacts?modifiedSince={since} warning",
                "INV1003 src/Crm.Sync/ContactSync.cs:28 https://crm.partner-crm.example/api/v2/contacts/{id} warning",
                "INV1004 src/Crm.Sync/ContactSync.cs:33 PingAsync warning",
                "INV1003 src/Crm.Sync/PartnerDirectory.cs:16 https://registry.partner-crm.example/api/v3/companies/{vat} warning",
                "INV1003 src/Crm.Sync/PartnerDirectory.cs:21 https://registry.partner-crm.example/api/v3/companies warning",
                "INV1003 src/Crm.Sync/PartnerDirectory.cs:24 https://geo.partner-crm.example/v1/lookup warning",
                "INV2003 src/Legacy.Notifications/EmailNotifier.cs:13 queue:notifications.email warning",
                "INV1003 src/Ordering.Api/InventoryClient.cs:18 http://inventory.internal:8080/api/stock/{sku} warning",
                "INV1005 src/Ordering.Api/InventoryClient.cs:18 http://inventory.internal:8080/api/stock/{sku} warning",
                "INV1003 src/Ordering.Api/InventoryClient.cs:21 http://inventory.internal:8080/api/reservations warning",
                "INV1005 src/Ordering.Api/InventoryClient.cs:21 http://inventory.internal:8080/api/reservations warning",
                "INV1003 src/Ordering.Api/LoyaltyNotifier.cs:11 https://loyalty.contoso.example/api/members/orders/{Id}/points warning",
                "INV4005 src/Ordering.Api/OrderStore.cs:10 sqlserver:sql-prod-01/Orders warning",
            ],
            warnings);
    }

    [Fact]
    public void Findings_ShouldCarryEvidenceLibraryAndAStableFingerprint()
    {
        var findings = Inventory.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f =>
        {
            Assert.Matches("^INV[0-9]{4}$", f.GetProperty("ruleId").GetString());
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("library").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("evidence").GetString()));
            Assert.Matches("^[0-9a-f]{16}(-[0-9]+)?$", f.GetProperty("fingerprint").GetString());
        });
        Assert.Equal(findings.Count, findings.Select(f => f.GetProperty("fingerprint").GetString()).Distinct().Count());

        var connectionString = findings.Single(f => f.GetProperty("path").GetString() == "src/Shared.Data/DbSettings.cs");
        Assert.Equal("Server=sql-prod-01;Database=Orders;User Id=orders_app;Password=Or…(11 chars);TrustServerCertificate=true", connectionString.GetProperty("evidence").GetString());
    }

    [Fact]
    public void Graph_ShouldJoinThePublisherAndTheConsumerOfTheBillingQueue()
    {
        var graph = Inventory.GetProperty("graph");
        var edges = graph.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("from").GetString()} -{e.GetProperty("kind").GetString()}-> {e.GetProperty("to").GetString()}")
            .ToList();

        Assert.Contains("component:Ordering.Api -publishes-> channel:RabbitMQ.Client:queue:billing.orders", edges);
        Assert.Contains("channel:RabbitMQ.Client:queue:billing.orders -consumes-> component:Billing.Worker", edges);
        Assert.Contains("component:Crm.Sync -http-> external:https://crm.partner-crm.example", edges);
        Assert.Contains("component:Ordering.Api -http-> external:http://inventory.internal:8080", edges);
        Assert.Contains("component:Billing.Worker -publishes-> channel:RabbitMQ.Client:exchange:billing", edges);
        Assert.Contains("channel:RabbitMQ.Client:exchange:billing -binds-> channel:RabbitMQ.Client:queue:notifications.email", edges);
        Assert.Contains("channel:RabbitMQ.Client:queue:notifications.email -consumes-> component:Legacy.Notifications", edges);
        Assert.Contains("component:Ordering.Api -reads-writes-> store:sqlserver:sql-prod-01/Orders", edges);
        Assert.Contains("component:Billing.Worker -reads-writes-> store:sqlserver:sql-prod-01/Orders", edges);
        var ordering = graph.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "component:Ordering.Api");
        Assert.Equal(5, ordering.GetProperty("fanOut").GetInt32());
        var shared = Assert.Single(graph.GetProperty("sharedStores").EnumerateArray());
        Assert.Equal(["Billing.Worker", "Ordering.Api"], shared.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void MessagingReliability_ShouldListEveryChannelEnd_WithFactsThatLinkToTheirFindings()
    {
        var fingerprints = Inventory.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("fingerprint").GetString()!, f => f.GetProperty("ruleId").GetString());
        var endpoints = Inventory.GetProperty("messaging").EnumerateArray().ToList();

        Assert.Equal(
            [
                "Billing.Worker consumer queue:billing.orders",
                "Billing.Worker publisher exchange:billing",
                "Legacy.Notifications consumer queue:notifications.email",
                "Legacy.Notifications publisher exchange:audit",
                "Ordering.Api publisher queue:billing.orders",
            ],
            endpoints.Select(e => $"{e.GetProperty("component").GetString()} {e.GetProperty("role").GetString()} {e.GetProperty("channel").GetString()}"));

        // The worker's consumer: auto-ack (INV2003) and a handler that lets failures escape (INV2002's fact, INV2010).
        var worker = endpoints[0];
        Assert.Equal(
            ["acknowledgement=automatic INV2003", "errorHandling=none INV2002,INV2010", "retry=none found ", "deadLetter=none found ", "idempotency=none found "],
            worker.GetProperty("facts").EnumerateArray().Select(f =>
                $"{f.GetProperty("name").GetString()}={f.GetProperty("value").GetString()} {string.Join(",", f.GetProperty("findings").EnumerateArray().Select(id => fingerprints[id.GetString()!]))}"));
        Assert.Equal(3, worker.GetProperty("risks").GetArrayLength());
        Assert.All(endpoints, e => Assert.Contains(e.GetProperty("finding").GetString()!, fingerprints.Keys));

        Assert.Contains("<section id=\"messaging\">", fixture.Run.Read("report.html"));
        Assert.Contains("| Billing.Worker | consumer | `queue:billing.orders`", fixture.Run.Read("report.md"));
    }

    [Fact]
    public void SecretsInConfiguration_ShouldRecordTheirEnvironment()
    {
        var environments = Inventory.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("path").GetString()!.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => f.GetProperty("path").GetString() + " " + f.GetProperty("details").GetProperty("environment").GetString());

        Assert.Equal(["src/Ordering.Api/appsettings.Development.json Development", "src/Ordering.Api/appsettings.json default"], environments);
    }

    [Fact]
    public void CallsThroughRegisteredClients_ShouldCarryTheRegistrationAndItsResilience()
    {
        var findings = Inventory.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "http-client").ToList();
        var fraud = findings.Single(f => f.GetProperty("path").GetString() == "src/Billing.Worker/FraudCheckClient.cs").GetProperty("details");
        var loyalty = findings.Single(f => f.GetProperty("path").GetString() == "src/Ordering.Api/LoyaltyNotifier.cs").GetProperty("details");

        Assert.Equal("typed FraudCheckClient at Program.cs:6", fraud.GetProperty("registration").GetString());
        Assert.Equal("AddStandardResilienceHandler, Timeout", fraud.GetProperty("resilience").GetString());
        Assert.Equal("named 'loyalty' at Program.cs:8", loyalty.GetProperty("registration").GetString());
        Assert.Equal("none", loyalty.GetProperty("resilience").GetString());

        // A Refit interface called from a file that names no library: bound because the pre-filter knows the interface.
        var tax = findings.Single(f => f.GetProperty("path").GetString() == "src/Billing.Worker/TaxCalculator.cs");
        Assert.Equal("Refit", tax.GetProperty("library").GetString());
        Assert.Equal("typed ITaxRatesApi at Program.cs:11", tax.GetProperty("details").GetProperty("registration").GetString());
        Assert.Equal("TaxRates:BaseUrl", tax.GetProperty("details").GetProperty("configKey").GetString());
    }

    [Fact]
    public void TargetReadFromConfiguration_ShouldCarryTheKeyAndTheValuePerEnvironment()
    {
        var shipping = Inventory.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "src/Ordering.Api/ShippingClient.cs");
        var details = shipping.GetProperty("details");

        Assert.Equal("configuration", details.GetProperty("targetSource").GetString());
        Assert.Equal("Shipping:BaseUrl", details.GetProperty("configKey").GetString());
        Assert.Equal("appsettings.json=https://api.shipping-partner.example/v3; appsettings.Development.json=http://localhost:7070/v3", details.GetProperty("configValues").GetString());
    }

    [Fact]
    public void Assessment_ShouldRateTheSampleAsDocumented()
    {
        var assessment = Inventory.GetProperty("assessment");
        var estate = assessment.GetProperty("maturity").GetProperty("estate");
        Assert.Equal(1, estate.GetProperty("level").GetInt32());
        Assert.Equal(["Billing.Worker", "Crm.Sync", "Ordering.Api"], estate.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        var scorecards = assessment.GetProperty("maturity").GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("component").GetString()!);
        Assert.All(scorecards.Values, c => Assert.Equal("initial", c.GetProperty("name").GetString()));

        // Every failing verdict names the findings behind it, and each of them is in the inventory.
        var fingerprints = Inventory.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()).ToHashSet();
        foreach (var verdict in scorecards.Values.SelectMany(c => c.GetProperty("criteria").EnumerateArray()).Where(v => v.GetProperty("verdict").GetString() == "fail"))
        {
            Assert.NotEqual(0, verdict.GetProperty("findings").GetArrayLength());
            Assert.All(verdict.GetProperty("findings").EnumerateArray(), f => Assert.Contains(f.GetString(), fingerprints));
        }

        var sprawl = assessment.GetProperty("sprawl").GetProperty("estate");
        Assert.Equal((48, "emerging"), (sprawl.GetProperty("index").GetInt32(), sprawl.GetProperty("band").GetString()));
        Assert.Equal("point-to-point", assessment.GetProperty("style").GetProperty("estate").GetString());
        Assert.Contains("sprawl index of **48 (emerging)**", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "assessment.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_ShouldShowCoverageAndTheGraph()
    {
        var html = fixture.Run.Read("report.html");
        var markdown = fixture.Run.Read("report.md");

        Assert.Contains("<svg", html);
        Assert.Contains("Legacy.Notifications", html);
        // Only what the template wrote runs: its one script, named by hash in the policy; nothing is fetched.
        Assert.Matches("script-src 'sha256-[A-Za-z0-9+/=]{44}'\"", html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
        Assert.Contains("| src/Legacy.Notifications/Legacy.Notifications.csproj | partial |", markdown);
        Assert.Contains("tests/Ordering.Tests/Ordering.Tests.csproj: test project", markdown.Replace("\\", "", StringComparison.Ordinal));

        // Names in parentheses without stray spaces; an orphan channel's components joined with commas.
        Assert.Contains("`exchange:audit`: no-consumer (Legacy.Notifications)", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\( |[^ ] \)", markdown.Replace("( )", string.Empty, StringComparison.Ordinal).Split("```mermaid")[0]);
    }

    [Fact]
    public void NoOutput_ShouldHoldARawSecret()
    {
        foreach (var (name, text) in fixture.Run.AllOutputs())
        {
            foreach (var secret in SampleSecrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{name} holds a raw secret of the sample");
            }
        }
    }

    [Fact]
    public async Task IncludeTests_ShouldScanTheTestProjectAndStillRedact()
    {
        var run = await CliRun.ScanAsync(RepositoryPaths.Sample, "--no-restore", "--include-tests");

        Assert.Equal(0, run.ExitCode);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        var tests = inventory.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Ordering.Tests");
        Assert.True(tests.GetProperty("isTest").GetBoolean());
        Assert.Empty(inventory.GetProperty("excluded").EnumerateArray());
        Assert.Contains(inventory.GetProperty("findings").EnumerateArray(), f => f.GetProperty("target").GetString() == "http://localhost:5000/health");

        // The test project's credential is a test double: in the inventory with scope "test", listed apart in the reports.
        var testSecret = Assert.Single(inventory.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "secret" && f.GetProperty("component").GetString() == "Ordering.Tests");
        Assert.Equal("test", testSecret.GetProperty("details").GetProperty("scope").GetString());
        Assert.Contains("Test-only secrets", run.Read("report.md"));
        Assert.Contains("Test-only secrets", run.Read("report.html"));

        // The test's connection to the production database's name is the test's: in scope "test", not a third sharer of it.
        var testDatabase = Assert.Single(inventory.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "database" && f.GetProperty("component").GetString() == "Ordering.Tests");
        Assert.Equal("test", testDatabase.GetProperty("details").GetProperty("scope").GetString());
        var shared = Assert.Single(inventory.GetProperty("graph").GetProperty("sharedStores").EnumerateArray());
        Assert.Equal(["Billing.Worker", "Ordering.Api"], shared.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        foreach (var (name, text) in run.AllOutputs())
        {
            Assert.False(SampleSecrets.Any(secret => text.Contains(secret, StringComparison.Ordinal)), $"{name} holds a raw secret");
        }
    }

    [Fact]
    public async Task FailOnWarning_ShouldExitWithOneBecauseOfTheSecrets()
    {
        var run = await CliRun.ScanAsync(RepositoryPaths.Sample, "--no-restore", "--fail-on", "warning", "-v", "quiet");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("24 finding(s) at or above 'warning':", run.Error);
        Assert.True(File.Exists(Path.Combine(run.OutDirectory, "inventory.json")));

        // Each finding that made the scan fail, as path:line: severity rule: message (a secret's word, never its value).
        var listed = run.Error.Split('\n').Where(line => line.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(24, listed.Count);
        Assert.All(listed, line => Assert.Matches(@"^  [^\s:]+:\d+: (warning|error) INV\d{4}: \S", line));
        Assert.Contains(listed, line => line.Contains(": warning INV9001: ", StringComparison.Ordinal));
        Assert.Contains(listed, line => line.Contains(": warning INV4005: Integration through a shared data store", StringComparison.Ordinal));
        Assert.False(SampleSecrets.Any(secret => run.Error.Contains(secret, StringComparison.Ordinal)), "stderr holds a raw secret");
    }

    [Fact]
    public async Task FailOnError_ShouldSucceedWhenNothingIsThatSevere()
    {
        var run = await CliRun.ScanAsync(RepositoryPaths.Sample, "--no-restore", "--fail-on", "error", "-v", "quiet", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(run.OutDirectory, "report.html")));
    }

    [Fact]
    public async Task CommaSeparatedFormats_AndPlainProgress_ShouldWriteThoseReportsAndCountProjects()
    {
        var run = await CliRun.ScanAsync(RepositoryPaths.Sample, "--no-restore", "--format", "json,md");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(run.OutDirectory, "inventory.json")));
        Assert.True(File.Exists(Path.Combine(run.OutDirectory, "report.md")));
        Assert.False(File.Exists(Path.Combine(run.OutDirectory, "report.html")));

        // Standard error is not a terminal here: plain lines, each phase with the time so far, each project as [n/N].
        Assert.Matches(@"(?m)^loading \d+ project\(s\) \(\d+\.\d s elapsed\)$", run.Error);
        Assert.Matches(@"(?m)^analysing (\d+) project\(s\) \(\d+\.\d s elapsed\)$", run.Error);
        var total = System.Text.RegularExpressions.Regex.Match(run.Error, @"(?m)^analysing (\d+) project").Groups[1].Value;
        Assert.NotEqual("0", total);
        Assert.Matches($@"(?m)^\[1/{total}\] ", run.Error);
        Assert.Matches($@"(?m)^\[{total}/{total}\] ", run.Error);
    }

    [Fact]
    public async Task ProgressLine_ShouldCountTheProjectsFindings_NotTheWrapperCallsTheJoinDrops()
    {
        // Two calls of the application's own PublishAsync that no broker implements: the wrapper join's input, dropped.
        var root = Directory.CreateTempSubdirectory("inventory-progress-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "Shop"));
        File.WriteAllText(Path.Combine(root, "Shop", "Shop.csproj"), """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>""");
        File.WriteAllText(Path.Combine(root, "Shop", "Checkout.cs"), """
            namespace Shop;
            public interface IOrderNotifier { Task PublishAsync(string order); }
            public sealed class Checkout(IOrderNotifier notifier, HttpClient http)
            {
                public async Task Run(string order)
                {
                    await notifier.PublishAsync(order);
                    await notifier.PublishAsync(order + "!");
                    await http.GetAsync("https://partner.example.com/ping");
                }
            }
            """);

        var run = await CliRun.ScanAsync(root, "--no-build-eval");

        Assert.True(run.ExitCode == 0, run.Error);
        var findings = JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("findings").GetArrayLength();
        Assert.Equal(2, findings);
        Assert.Matches($@"(?m)^\[1/1\] Shop: syntax, {findings} finding\(s\) in ", run.Error);
    }

    [Fact]
    public async Task SlnxAndFolderInputs_ShouldFindTheSameInventoryAsTheSln()
    {
        var expected = Summary(Inventory);
        var slnx = await CliRun.ScanAsync(Path.ChangeExtension(RepositoryPaths.Sample, ".slnx"), "--no-restore", "-v", "quiet");
        var folder = await CliRun.ScanAsync(Path.GetDirectoryName(RepositoryPaths.Sample)!, "--no-restore", "-v", "quiet");

        Assert.Equal(0, slnx.ExitCode);
        Assert.Equal(expected, Summary(JsonDocument.Parse(slnx.Read("inventory.json")).RootElement));
        Assert.Equal(0, folder.ExitCode);
        Assert.Equal(expected, Summary(JsonDocument.Parse(folder.Read("inventory.json")).RootElement));
    }

    [Fact]
    public async Task DesignTimeLoad_ShouldFindTheSameInventoryAsTheEvaluationLoad()
    {
        // The default load evaluates the restored projects and reads project.assets.json; the design-time build is the
        // reference it must equal.
        Assert.Contains(Inventory.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("by evaluation", StringComparison.Ordinal));
        var designTime = await CliRun.ScanAsync(RepositoryPaths.Sample, "--no-restore", "--design-time-load", "-v", "quiet");

        Assert.Equal(0, designTime.ExitCode);
        var reference = JsonDocument.Parse(designTime.Read("inventory.json")).RootElement;
        Assert.DoesNotContain(reference.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("by evaluation", StringComparison.Ordinal));
        Assert.Equal(Summary(reference), Summary(Inventory));
        Assert.Equal(Targets(reference), Targets(Inventory));
    }

    private static List<string> Targets(JsonElement inventory) =>
        [.. inventory.GetProperty("findings").EnumerateArray().Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("target").GetString()} {f.GetProperty("confidence").GetString()}")];

    private static List<string> Summary(JsonElement inventory) =>
        inventory.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("project").GetString() + " " + c.GetProperty("analysis").GetString())
            .Concat(inventory.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString() + ":" + f.GetProperty("line").GetInt32() + " " + f.GetProperty("fingerprint").GetString()))
            .ToList();
}
