using InventoryScanner.Analyzers;
using InventoryScanner.Core.Assessment;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class AssessmentTests
{
    private static Finding Call(string component, string target, string? resilience = null, string? registration = null, int line = 10)
    {
        var call = Finding(component, FindingKinds.HttpClient, target, line: line, ruleId: RuleIdentifiers.HttpClientCall);
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FindingProperties.TargetSource] = TargetSources.Literal };
        if (resilience is not null)
        {
            details[FindingProperties.Resilience] = resilience;
        }

        if (registration is not null)
        {
            details[FindingProperties.Registration] = registration;
        }

        call.Details = details;
        return call;
    }

    private static Finding Anti(string component, string ruleId, int line = 20) => Finding(component, FindingKinds.AntiPattern, "x", line: line, ruleId: ruleId);

    private static CriterionVerdict Verdict(Inventory inventory, string component, string id) =>
        inventory.Assessment!.Maturity.Components.Single(c => c.Component == component).Criteria.Single(v => v.Id == id);

    [Fact]
    public void HardCodedUrl_ShouldFailR1WithItsFinding_AndAComponentWithoutCallsShouldNotApply()
    {
        var hardCoded = Anti("Api", RuleIdentifiers.HardcodedUrl);
        var inventory = Inventory([Component("Api"), Component("Quiet")], [Call("Api", "https://partner.example/a"), hardCoded]);

        var r1 = Verdict(inventory, "Api", "R1");
        Assert.Equal(Verdicts.Fail, r1.Verdict);
        Assert.Equal([hardCoded.Fingerprint], r1.Findings);
        Assert.Equal(Verdicts.NotApplicable, Verdict(inventory, "Quiet", "R1").Verdict);
        Assert.Equal(1, inventory.Assessment!.Maturity.Components.Single(c => c.Component == "Api").Level);
    }

    [Fact]
    public void TypedClientsWithoutResilience_ShouldReachDefinedButNotManaged()
    {
        var inventory = Inventory([Component("Api")], [Call("Api", "https://partner.example/a", resilience: "none", registration: "typed PartnerClient at Program.cs:4")]);

        Assert.Equal(Verdicts.Pass, Verdict(inventory, "Api", "R2").Verdict);
        Assert.Equal(Verdicts.Pass, Verdict(inventory, "Api", "D1").Verdict);
        Assert.Equal(Verdicts.Fail, Verdict(inventory, "Api", "M1").Verdict);
        var api = inventory.Assessment!.Maturity.Components.Single();
        Assert.Equal((3, "defined"), (api.Level, api.Name));
    }

    private static Finding Operations(string component, string facet, string target, string? scope = null, int line = 30)
    {
        var finding = Finding(component, FindingKinds.Operations, target, line: line, ruleId: RuleIdentifiers.HealthCheck);
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FindingProperties.Facet] = facet };
        if (scope is not null)
        {
            details[FindingProperties.CheckScope] = scope;
        }

        finding.Details = details;
        return finding;
    }

    [Fact]
    public void ManagedComponent_ShouldPassM1ToM5_AndStopAtTheUnknownOptimizingLevel()
    {
        var check = Operations("Api", Analyzers.Operations.OperationalFacets.HealthCheck, "health:orders-db", Analyzers.Operations.CheckScopes.Dependency, 31);
        var telemetry = Operations("Api", Analyzers.Operations.OperationalFacets.Telemetry, "telemetry:opentelemetry", line: 32);
        var credentials = Operations("Api", Analyzers.Operations.OperationalFacets.OutboundAuth, "auth:client-credentials", line: 33);
        var inventory = Inventory([Component("Api")], [Call("Api", "https://partner.example/a", resilience: "AddStandardResilienceHandler", registration: "typed PartnerClient at Program.cs:4"), check, telemetry, credentials]);

        Assert.Equal(Verdicts.Pass, Verdict(inventory, "Api", "M1").Verdict);
        Assert.Equal([check.Fingerprint], Verdict(inventory, "Api", "M3").Findings);
        Assert.Equal([telemetry.Fingerprint], Verdict(inventory, "Api", "M4").Findings);
        Assert.Equal([credentials.Fingerprint], Verdict(inventory, "Api", "M5").Findings);
        Assert.Equal(Verdicts.Unknown, Verdict(inventory, "Api", "O1").Verdict);
        Assert.Equal((4, "managed"), (inventory.Assessment!.Maturity.Components.Single().Level, inventory.Assessment.Maturity.Components.Single().Name));
    }

    [Fact]
    public void EachDataStore_ShouldHaveItsCheck_ByStoreOrContext_OrThroughAspire()
    {
        var postgres = Store("Api", FindingKinds.Database, "postgres:orders", "postgres", "Npgsql.EntityFrameworkCore.PostgreSQL", 10, dbContext: "OrdersContext");
        var redis = Store("Api", FindingKinds.Cache, "redis:cache", "redis", "StackExchange.Redis", 11);
        var mail = Store("Api", FindingKinds.Smtp, "smtp:relay", "smtp", "MailKit", 12);
        var pgCheck = Check("Api", "health:orders-db", 30, store: "postgres");

        var partial = Inventory([Component("Api")], [postgres, redis, mail, pgCheck]);
        var m3 = Verdict(partial, "Api", "M3");
        Assert.Equal((Verdicts.Fail, "no health check of 1 data store(s) it connects to: redis:cache"), (m3.Verdict, m3.Note));
        Assert.Equal([redis.Fingerprint], m3.Findings);

        // AddDbContextCheck<OrdersContext>() checks the context's database; AddRedis the cache; mail needs none.
        var contextCheck = Check("Api", "health:orderscontext", 31, dbContext: "OrdersContext");
        var redisCheck = Check("Api", "health:redis", 32, store: "redis");
        Assert.Equal(Verdicts.Pass, Verdict(Inventory([Component("Api")], [postgres, redis, mail, contextCheck, redisCheck]), "Api", "M3").Verdict);

        // A check of its own kind (AddCheck<OrdersDbCheck>()): which store it checks is not judged.
        var custom = Check("Api", "health:ordersdbcheck", 33);
        Assert.Equal(Verdicts.Unknown, Verdict(Inventory([Component("Api")], [postgres, custom]), "Api", "M3").Verdict);

        // Aspire's client integrations register the check of their resource.
        var aspire = Store("Web", FindingKinds.Cache, "redis:basketcache", "redis", "Aspire.StackExchange.Redis", 10);
        Assert.Equal(Verdicts.Pass, Verdict(Inventory([Component("Web")], [aspire]), "Web", "M3").Verdict);
    }

    [Fact]
    public void Schemas_ShouldBeVersionedByMigrations_WhereverTheRunnerLives()
    {
        var api = Store("Catalog.Api", FindingKinds.Database, "postgres:catalogdb", "postgres", "Aspire.Npgsql.EntityFrameworkCore.PostgreSQL", 8, dbContext: "CatalogDbContext");
        var snapshot = Finding("Catalog.DbManager", FindingKinds.DataStoreFact, Analyzers.DataStores.DataStoreFacts.Migrations, "Microsoft.EntityFrameworkCore", line: 5);
        snapshot.Details = new Dictionary<string, string> { [FindingProperties.DbContext] = "CatalogDbContext" };
        var passed = Verdict(Inventory([Component("Catalog.Api"), Component("Catalog.DbManager")], [api, snapshot]), "Catalog.Api", "M7");
        Assert.Equal(Verdicts.Pass, passed.Verdict);
        Assert.Equal([snapshot.Fingerprint], passed.Findings);

        var orders = Store("Orders", FindingKinds.Database, "sqlserver:sql1/orders", "sqlserver", "Microsoft.EntityFrameworkCore.SqlServer", 8, dbContext: "OrdersContext");
        var failed = Verdict(Inventory([Component("Orders")], [orders]), "Orders", "M7");
        Assert.Equal((Verdicts.Fail, "no migrations in the scan for OrdersContext"), (failed.Verdict, failed.Note));
        Assert.Equal([orders.Fingerprint], failed.Findings);

        // ADO.NET and an EF6 model without migrations may be versioned by a database project: unknown. A cache is no schema.
        var ado = Store("Billing", FindingKinds.Database, "sqlserver:sql1/billing", "sqlserver", "System.Data.SqlClient", 8);
        var edmx = Store("Billing", FindingKinds.Database, "sqlserver:sql1/billing", "sqlserver", "EntityFramework", 9, dbContext: "BillingEntities");
        Assert.Equal(Verdicts.Unknown, Verdict(Inventory([Component("Billing")], [ado, edmx]), "Billing", "M7").Verdict);
        var cache = Store("Web", FindingKinds.Cache, "redis:cache", "redis", "StackExchange.Redis", 8);
        Assert.Equal(Verdicts.NotApplicable, Verdict(Inventory([Component("Web")], [cache]), "Web", "M7").Verdict);
    }

    [Fact]
    public void ConnectionsOutsideEfCore_ShouldPassM6WithAPollyRetryOfTheirStore()
    {
        Finding Polly(string component, string? store)
        {
            var retry = Finding(component, FindingKinds.DataStoreFact, Analyzers.DataStores.DataStoreFacts.RetryOnFailure, "Polly", line: 40, ruleId: RuleIdentifiers.DataStoreReadiness);
            retry.Details = store is null ? null : new Dictionary<string, string> { [FindingProperties.Store] = store };
            return retry;
        }

        var sql = Store("Billing", FindingKinds.Database, "sqlserver:sql1/billing", "sqlserver", "Microsoft.Data.SqlClient", 10);
        var sqlRetry = Polly("Billing", "sqlserver");
        var passed = Verdict(Inventory([Component("Billing")], [sql, sqlRetry]), "Billing", "M6");
        Assert.Equal(Verdicts.Pass, passed.Verdict);
        Assert.Equal([sqlRetry.Fingerprint], passed.Findings);

        // A policy of another store's exceptions leaves it unknown; one of DbException covers any relational connection.
        Assert.Equal(Verdicts.Unknown, Verdict(Inventory([Component("Billing")], [sql, Polly("Billing", "postgres")]), "Billing", "M6").Verdict);
        Assert.Equal(Verdicts.Pass, Verdict(Inventory([Component("Billing")], [sql, Polly("Billing", null)]), "Billing", "M6").Verdict);

        // An EF Core context still needs EnableRetryOnFailure: a Polly policy somewhere does not configure the context.
        var context = Store("Orders", FindingKinds.Database, "sqlserver:sql1/orders", "sqlserver", "Microsoft.EntityFrameworkCore.SqlServer", 10, dbContext: "OrdersContext");
        Assert.Equal(Verdicts.Fail, Verdict(Inventory([Component("Orders")], [context, Polly("Orders", "sqlserver")]), "Orders", "M6").Verdict);
    }

    private static Finding Store(string component, string kind, string target, string store, string library, int line, string? dbContext = null)
    {
        var finding = Finding(component, kind, target, library, line: line);
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FindingProperties.Store] = store, [FindingProperties.TargetSource] = TargetSources.Configuration };
        if (dbContext is not null)
        {
            details[FindingProperties.DbContext] = dbContext;
        }

        finding.Details = details;
        return finding;
    }

    private static Finding Check(string component, string target, int line, string? store = null, string? dbContext = null)
    {
        var check = Operations(component, Analyzers.Operations.OperationalFacets.HealthCheck, target, Analyzers.Operations.CheckScopes.Dependency, line);
        var details = new SortedDictionary<string, string>(check.Details!.ToDictionary(), StringComparer.Ordinal);
        if (store is not null)
        {
            details[FindingProperties.Store] = store;
        }

        if (dbContext is not null)
        {
            details[FindingProperties.DbContext] = dbContext;
        }

        check.Details = details;
        return check;
    }

    [Fact]
    public void LivenessOnly_ShouldFailM3WithItsCheck_AndNoTelemetryOrCredentialsShouldFailM4AndM5()
    {
        var liveness = Operations("Api", Analyzers.Operations.OperationalFacets.HealthCheck, "health:registration", Analyzers.Operations.CheckScopes.Liveness);
        var call = Call("Api", "https://partner.example/a", resilience: "AddStandardResilienceHandler", registration: "typed PartnerClient at Program.cs:4");
        var inventory = Inventory([Component("Api"), Component("Quiet")], [call, liveness]);

        var m3 = Verdict(inventory, "Api", "M3");
        Assert.Equal((Verdicts.Fail, "health checks are registered, but none checks a dependency (liveness only)"), (m3.Verdict, m3.Note));
        Assert.Equal([liveness.Fingerprint], m3.Findings);
        Assert.Equal(Verdicts.Fail, Verdict(inventory, "Api", "M4").Verdict);
        Assert.Equal([call.Fingerprint], Verdict(inventory, "Api", "M5").Findings);
        Assert.All(["M3", "M4", "M5"], id => Assert.Equal(Verdicts.NotApplicable, Verdict(inventory, "Quiet", id).Verdict));
        Assert.Equal(3, inventory.Assessment!.Maturity.Components.Single(c => c.Component == "Api").Level);
        Assert.Contains(inventory.Assessment.Priorities, p => p.Criterion == "M5" && p.Action.StartsWith("authenticate outbound calls", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetCalledByTwoComponents_ShouldBeOneGatewayOrBrokerItem_WithItsCallersAsSites()
    {
        var orders = Call("Orders", "https://crm.partner.example/api/customers", line: 11);
        var billing = Call("Billing", "https://crm.partner.example/api/invoices", line: 12);
        var alone = Call("Billing", "https://tax.example/rates", line: 13);
        var inventory = Inventory([Component("Orders"), Component("Billing"), Component("Quiet")], [orders, billing, alone]);

        var item = Assert.Single(inventory.Assessment!.Priorities, p => p.Criterion == Priorities.SharedTarget);
        Assert.Equal("Billing, Orders", item.Component);
        Assert.Equal("introduce a gateway or broker in front of https://crm.partner.example for its 2 callers", item.Action);
        Assert.Equal(new[] { billing.Fingerprint, orders.Fingerprint }.Order(StringComparer.Ordinal), item.Findings.Order(StringComparer.Ordinal));
        Assert.Equal((2, 12.0), (item.Sites, item.Hours));
        // impact = 2 of 3 components; ease of change = 1 − 2/10; ease of cost = 1 − 12/40; risk 0.4.
        Assert.Equal(Math.Round(100 * ((0.4 * 2 / 3.0) + (0.3 * 0.8) + (0.2 * 0.7) + (0.1 * 0.4)), 1), item.Score);
    }

    [Fact]
    public void CallsToAComposeGatewayService_ShouldBeGatewayMediated()
    {
        var envoy = Finding("(repository files)", FindingKinds.Gateway, "gateway:envoy", "envoyproxy/envoy:v1.11.1", line: 3, path: "docker-compose.yml");
        envoy.Details = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FindingProperties.Resource] = "webshoppingapigw" };
        var web = Call("Web", "http://webshoppingapigw/api/v1/basket", line: 11);
        var mobile = Call("Mobile", "http://webshoppingapigw/api/v1/catalog", line: 12);
        var inventory = Inventory([Component("Web"), Component("Mobile")], [envoy, web, mobile]);

        Assert.Equal("gateway-mediated", inventory.Assessment!.Style.Estate);
        Assert.DoesNotContain(inventory.Assessment.Priorities, p => p.Criterion == Priorities.SharedTarget);
    }

    [Fact]
    public void CallsThroughAGateway_ShouldBeGatewayMediated_AndNeitherPointToPointNorADuplicatedClient()
    {
        var host = Finding("Gateway", FindingKinds.Gateway, "gateway:ocelot", "Ocelot", line: 3);
        var route = Finding("Gateway", FindingKinds.GatewayRoute, "http://orders-api/api/orders", "Ocelot", line: 4);
        var web = Call("Web", "https://gateway.example.com/orders", line: 11);
        var mobile = Call("Mobile", "https://gateway.example.com/orders", line: 12);
        var apim = Call("Mobile", "https://contoso.azure-api.net/stock", line: 13);
        var launch = new Component { Name = "Gateway", Project = "src/Gateway/Gateway.csproj", Analysis = AnalysisLevel.Semantic, LaunchUrls = ["https://gateway.example.com"] };
        var inventory = Inventory([launch, Component("Web"), Component("Mobile")], [host, route, web, mobile, apim]);

        var style = inventory.Assessment!.Style;
        Assert.Equal("gateway-mediated", style.Estate);
        Assert.Equal("gateway", style.Components.Single(c => c.Component == "Gateway").Style);
        var mobileStyle = style.Components.Single(c => c.Component == "Mobile");
        Assert.Equal(("gateway-mediated", 0, 2), (mobileStyle.Style, mobileStyle.DirectEdges, mobileStyle.GatewayEdges));
        Assert.Contains(inventory.Graph.Edges, e => e.From == "component:Gateway" && e.Kind == "routes");
        var parts = inventory.Assessment.Sprawl.Estate.Parts.ToDictionary(p => p.Name);
        Assert.Equal(0, parts["point-to-point"].Numerator);
        Assert.Equal(0, parts["duplicate-clients"].Numerator);
        Assert.DoesNotContain(inventory.Assessment.Priorities, p => p.Criterion == Priorities.SharedTarget);
    }

    [Fact]
    public void ComponentWithNothingToAssess_ShouldHaveNoLevel_AndCountAsNone()
    {
        var inventory = Inventory([Component("Api"), Component("Domain")], [Call("Api", "https://partner.example/a")]);

        var domain = inventory.Assessment!.Maturity.Components.Single(c => c.Component == "Domain");
        Assert.Equal((0, "none"), (domain.Level, domain.Name));
        Assert.Equal(1, inventory.Assessment.Maturity.Distribution["none"]);
        Assert.Equal(2, inventory.Assessment.Maturity.Estate.Level);
    }

    [Fact]
    public void TwoHttpLibrariesInOneComponent_ShouldFailD2WithTheMinorityCalls()
    {
        var first = Call("Api", "https://a.example/x", line: 11);
        var second = Call("Api", "https://b.example/y", line: 12);
        var rest = Finding("Api", FindingKinds.HttpClient, "https://c.example/z", "RestSharp", line: 13, ruleId: RuleIdentifiers.HttpClientCall);
        var inventory = Inventory([Component("Api"), Component("Worker"), Component("Quiet")], [first, second, rest, Finding("Worker", FindingKinds.QueuePublish, "queue:a", "RabbitMQ.Client")]);

        var d2 = Verdict(inventory, "Api", "D2");
        Assert.Equal((Verdicts.Fail, "HTTP through System.Net.Http (2), RestSharp (1)"), (d2.Verdict, d2.Note));
        Assert.Equal([rest.Fingerprint], d2.Findings);
        Assert.Equal(Verdicts.Pass, Verdict(inventory, "Worker", "D2").Verdict);
        Assert.Equal(Verdicts.NotApplicable, Verdict(inventory, "Quiet", "D2").Verdict);
    }

    [Fact]
    public void StoreTwoComponentsShare_ShouldFailD3ForBoth_AndPlanItsOwnership()
    {
        var inventory = Inventory(
            [Component("Orders"), Component("Billing"), Component("Catalog"), Component("Quiet")],
            [
                Finding("Orders", FindingKinds.Database, "sqlserver:sql-prod/orders", "Microsoft.Data.SqlClient", ruleId: RuleIdentifiers.DatabaseConnection),
                Finding("Billing", FindingKinds.Database, "sqlserver:sql-prod/orders", "Microsoft.Data.SqlClient", ruleId: RuleIdentifiers.DatabaseConnection),
                Finding("Catalog", FindingKinds.Database, "postgres:catalogdb", "Aspire.Npgsql", ruleId: RuleIdentifiers.DatabaseConnection),
            ]);

        var orders = Verdict(inventory, "Orders", "D3");
        Assert.Equal((Verdicts.Fail, "1 store(s) shared with other components: sqlserver:sql-prod/orders"), (orders.Verdict, orders.Note));
        var warning = Assert.Single(inventory.Findings, f => f.Component == "Orders" && f.RuleId == RuleIdentifiers.SharedDataStore);
        Assert.Equal([warning.Fingerprint], orders.Findings);
        Assert.Equal(Verdicts.Fail, Verdict(inventory, "Billing", "D3").Verdict);
        Assert.Equal((Verdicts.Pass, "its 1 store(s) are its own"), (Verdict(inventory, "Catalog", "D3").Verdict, Verdict(inventory, "Catalog", "D3").Note));
        Assert.Equal(Verdicts.NotApplicable, Verdict(inventory, "Quiet", "D3").Verdict);
        Assert.Contains(inventory.Assessment!.Priorities, p => p.Component == "Orders" && p.Criterion == "D3");
    }

    [Fact]
    public void DatabaseConnections_ShouldBeJudgedForDisposalAndRetries()
    {
        Finding Database(string component, string library, string? dbContext = null, int line = 10)
        {
            var database = Finding(component, FindingKinds.Database, "sqlserver:sql/" + component.ToLowerInvariant(), library, line: line, ruleId: RuleIdentifiers.DatabaseConnection);
            database.Details = dbContext is null ? null : new Dictionary<string, string> { [FindingProperties.DbContext] = dbContext };
            return database;
        }

        var undisposed = Finding("Legacy", FindingKinds.AntiPattern, "SqlConnection", "Microsoft.Data.SqlClient", line: 11, ruleId: RuleIdentifiers.ConnectionNotDisposed);
        var retry = Finding("Resilient", FindingKinds.DataStoreFact, "retry-on-failure", "Microsoft.EntityFrameworkCore", line: 12, ruleId: RuleIdentifiers.DataStoreReadiness);
        var inventory = Inventory(
            [Component("Legacy"), Component("Resilient"), Component("Fragile"), Component("Aspire"), Component("Ef6"), Component("Quiet")],
            [
                Database("Legacy", "Microsoft.Data.SqlClient"), undisposed,
                Database("Resilient", "Microsoft.EntityFrameworkCore.SqlServer", "OrderingContext"), retry,
                Database("Fragile", "Microsoft.EntityFrameworkCore.SqlServer", "CatalogContext"),
                Database("Aspire", "Aspire.Npgsql.EntityFrameworkCore.PostgreSQL", "CatalogContext"),
                Database("Ef6", "EntityFramework", "BillingContext"),
            ]);

        Assert.Equal((Verdicts.Fail, "1 connection(s) created and never disposed"), (Verdict(inventory, "Legacy", "R5").Verdict, Verdict(inventory, "Legacy", "R5").Note));
        Assert.Equal([undisposed.Fingerprint], Verdict(inventory, "Legacy", "R5").Findings);
        Assert.Equal(Verdicts.Pass, Verdict(inventory, "Resilient", "R5").Verdict);
        Assert.Equal(Verdicts.NotApplicable, Verdict(inventory, "Quiet", "R5").Verdict);

        Assert.Equal(Verdicts.Unknown, Verdict(inventory, "Legacy", "M6").Verdict);
        Assert.Equal(Verdicts.Pass, Verdict(inventory, "Resilient", "M6").Verdict);
        Assert.Equal([retry.Fingerprint], Verdict(inventory, "Resilient", "M6").Findings);
        Assert.Equal((Verdicts.Fail, "1 EF Core context configuration(s) without EnableRetryOnFailure"), (Verdict(inventory, "Fragile", "M6").Verdict, Verdict(inventory, "Fragile", "M6").Note));
        Assert.Equal((Verdicts.Pass, "Aspire's client integrations retry by default"), (Verdict(inventory, "Aspire", "M6").Verdict, Verdict(inventory, "Aspire", "M6").Note));
        Assert.Equal(Verdicts.NotApplicable, Verdict(inventory, "Quiet", "M6").Verdict);

        // EF6 retries through a DbConfiguration's execution strategy, which an SqlAzureExecutionStrategy fact shows when present.
        Assert.Equal(Verdicts.Unknown, Verdict(inventory, "Ef6", "M6").Verdict);
    }

    [Fact]
    public void Mail_ShouldLeaveOverTls()
    {
        Finding Mail(string component, string library, int line = 10) =>
            Finding(component, FindingKinds.Smtp, "smtp:relay.example", library, line: line, ruleId: RuleIdentifiers.MailSent);
        Finding Fact(string component, string fact, int line) =>
            Finding(component, FindingKinds.DataStoreFact, fact, "System.Net.Mail", line: line, ruleId: RuleIdentifiers.DataStoreReadiness);

        var clear = Fact("Clear", "no-tls", 11);
        var inventory = Inventory(
            [Component("Plain"), Component("Secure"), Component("Clear"), Component("MailKit"), Component("Quiet")],
            [
                Mail("Plain", "System.Net.Mail"),
                Mail("Secure", "System.Net.Mail"), Fact("Secure", "tls", 11),
                Mail("Clear", "MailKit"), clear,
                Mail("MailKit", "MailKit"),
            ]);

        Assert.Equal((Verdicts.Fail, "1 System.Net.Mail client(s) without EnableSsl"), (Verdict(inventory, "Plain", "R6").Verdict, Verdict(inventory, "Plain", "R6").Note));
        Assert.Equal(Verdicts.Pass, Verdict(inventory, "Secure", "R6").Verdict);
        Assert.Equal([clear.Fingerprint], Verdict(inventory, "Clear", "R6").Findings);
        Assert.Equal(Verdicts.Pass, Verdict(inventory, "MailKit", "R6").Verdict);
        Assert.Equal(Verdicts.NotApplicable, Verdict(inventory, "Quiet", "R6").Verdict);
    }

    private static Finding Consumer(string component, string library, string? errorHandling, int line = 40)
    {
        var consumer = Finding(component, FindingKinds.QueueConsume, "queue:orders", library, line: line, ruleId: RuleIdentifiers.RabbitMqConsume);
        if (errorHandling is not null)
        {
            consumer.Details = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FindingProperties.ErrorHandling] = errorHandling };
        }

        return consumer;
    }

    /// <summary>Each criterion's three verdicts (and R4's unknown) on the smallest inventory that gives it.</summary>
    public static TheoryData<string, string, string> CriterionCases() => new()
    {
        { "R1", "configured-call", Verdicts.Pass },
        { "R1", "hard-coded-call", Verdicts.Fail },
        { "R1", "nothing", Verdicts.NotApplicable },
        { "R2", "configured-call", Verdicts.Pass },
        { "R2", "per-call-client", Verdicts.Fail },
        { "R2", "publish-only", Verdicts.NotApplicable },
        { "R3", "configured-call", Verdicts.Pass },
        { "R3", "secret", Verdicts.Fail },
        { "R4", "catching-consumer", Verdicts.Pass },
        { "R4", "escaping-consumer", Verdicts.Fail },
        { "R4", "unseen-consumer", Verdicts.Unknown },
        { "R4", "configured-call", Verdicts.NotApplicable },
        { "D1", "typed-call", Verdicts.Pass },
        { "D1", "configured-call", Verdicts.Fail },
        { "D1", "publish-only", Verdicts.NotApplicable },
        { "M1", "typed-call", Verdicts.Pass },
        { "M1", "configured-call", Verdicts.Fail },
        { "M1", "publish-only", Verdicts.NotApplicable },
        { "M2", "catching-consumer", Verdicts.Pass },
        { "M2", "auto-ack-consumer", Verdicts.Fail },
        { "M2", "configured-call", Verdicts.NotApplicable },
    };

    [Theory]
    [MemberData(nameof(CriterionCases))]
    public void Criterion_ShouldGiveTheVerdictOfItsCase(string criterion, string scenario, string expected)
    {
        Finding[] findings = scenario switch
        {
            "configured-call" => [Call("Api", "https://partner.example/a")],
            "hard-coded-call" => [Call("Api", "https://partner.example/a"), Anti("Api", RuleIdentifiers.HardcodedUrl)],
            "per-call-client" => [Call("Api", "https://partner.example/a"), Anti("Api", RuleIdentifiers.HttpClientPerCall)],
            "typed-call" => [Call("Api", "https://partner.example/a", resilience: "AddStandardResilienceHandler", registration: "typed PartnerClient at Program.cs:4")],
            "publish-only" => [Finding("Api", FindingKinds.QueuePublish, "queue:orders", "RabbitMQ.Client")],
            "secret" => [Call("Api", "https://partner.example/a"), Finding("Api", FindingKinds.Secret, "password", line: 5)],
            // MassTransit moves faulted messages to an _error queue by default: dead-lettered, acknowledged by the library.
            "catching-consumer" => [Consumer("Api", "MassTransit", "catches")],
            "escaping-consumer" => [Consumer("Api", "RabbitMQ.Client", "none"), Anti("Api", RuleIdentifiers.ConsumerUnhandledFailure, 41)],
            "unseen-consumer" => [Consumer("Api", "MassTransit", null)],
            "auto-ack-consumer" => [Consumer("Api", "RabbitMQ.Client", "catches"), Anti("Api", RuleIdentifiers.RabbitMqAutoAck, 42)],
            _ => [],
        };
        var inventory = Inventory([Component("Api")], findings);

        var verdict = Verdict(inventory, "Api", criterion);

        Assert.Equal(expected, verdict.Verdict);
        if (expected == Verdicts.Fail)
        {
            Assert.NotEmpty(verdict.Findings);
        }
    }

    [Theory]
    [InlineData(new[] { "pass", "pass" }, 5)]
    [InlineData(new[] { "pass", "fail" }, 2)]
    [InlineData(new[] { "not-applicable", "unknown" }, 2)]
    [InlineData(new[] { "fail", "pass" }, 1)]
    public void LevelOf_ShouldBeTheHighestLevelWhoseCriteriaAndAllBelowHold(string[] levels2And3, int expected)
    {
        var verdicts = new List<CriterionVerdict>
        {
            new("A", 2, "a", levels2And3[0], "", []),
            new("B", 3, "b", levels2And3[1], "", []),
        };

        Assert.Equal(expected, MaturityCriteria.LevelOf(verdicts));
    }

    [Fact]
    public void Estate_ShouldBeTheLowestLevelOfTheComponentsThatHoldMostIntegrationPoints()
    {
        var components = new List<ComponentMaturity>
        {
            new("Big", 3, "defined", 8, []),
            new("Middle", 2, "repeatable", 3, []),
            new("Tiny", 1, "initial", 1, []),
        };
        var graph = new GraphModel { Nodes = [new GraphNodeModel("component:Tiny", "component", "Tiny", 0, 1)], Edges = [], Cycles = [] };

        var estate = AssessmentPass.Estate(components, graph);

        // Big and Middle hold 11 of 12 points; Tiny is neither among them nor shared.
        Assert.Equal((2, "repeatable"), (estate.Level, estate.Name));
        Assert.Equal(["Middle"], estate.Components);

        var shared = AssessmentPass.Estate(components, new GraphModel { Nodes = [new GraphNodeModel("component:Tiny", "component", "Tiny", 2, 1)], Edges = [], Cycles = [] });
        Assert.Equal(1, shared.Level);
    }

    [Fact]
    public void SprawlIndex_OnASmallGraph_ShouldBeTheWeightedSumOfItsParts()
    {
        // A calls two origins, one hard-coded; B calls one of the same origins and publishes to a queue.
        var inventory = Inventory(
            [Component("A"), Component("B")],
            [
                Call("A", "https://one.example/x", line: 1),
                Call("A", "https://two.example/y", line: 2),
                Anti("A", RuleIdentifiers.HardcodedUrl, line: 3),
                Call("B", "https://one.example/z", line: 4),
                Finding("B", FindingKinds.QueuePublish, "queue:orders", library: "RabbitMQ.Client", line: 5),
            ]);

        var estate = inventory.Assessment!.Sprawl.Estate;
        var parts = estate.Parts.ToDictionary(p => p.Name);

        // point-to-point: 3 direct edges of 4 (one publish); hard-coded: 1 of 3 calls; duplicate: 1 of 2 origins;
        // fan-out: (2 + 2) / (2 × 10); unknown: the orphan queue, 1 of 3 calls + 1 channel.
        Assert.Equal((3, 4), (parts["point-to-point"].Numerator, parts["point-to-point"].Denominator));
        Assert.Equal((1, 3), (parts["hard-coded"].Numerator, parts["hard-coded"].Denominator));
        Assert.Equal((1, 2), (parts["duplicate-clients"].Numerator, parts["duplicate-clients"].Denominator));
        Assert.Equal((4, 20), (parts["fan-out"].Numerator, parts["fan-out"].Denominator));
        Assert.Equal((1, 4), (parts["unknown-map"].Numerator, parts["unknown-map"].Denominator));
        Assert.Equal((0, 0), (parts["shared-stores"].Numerator, parts["shared-stores"].Denominator));
        var expected = 100 * ((0.25 * 3 / 4) + (0.20 * 1 / 3) + (0.15 * 1 / 2) + (0.15 * 4 / 20) + (0.15 * 1 / 4));
        Assert.Equal((int)Math.Round(expected, MidpointRounding.AwayFromZero), estate.Index);
        Assert.Equal("emerging", estate.Band);
        Assert.Equal(expected, estate.Parts.Sum(p => p.Contribution), precision: 0);
        Assert.Equal("point-to-point", inventory.Assessment.Style.Estate);
    }

    [Fact]
    public void SprawlIndex_ShouldCountTheStoresComponentsShare()
    {
        var inventory = Inventory(
            [Component("A"), Component("B")],
            [
                Finding("A", FindingKinds.Database, "sqlserver:sql/orders", "Microsoft.Data.SqlClient", line: 1),
                Finding("B", FindingKinds.Database, "sqlserver:sql/orders", "Microsoft.Data.SqlClient", line: 2),
                Finding("B", FindingKinds.Cache, "redis:cache", "StackExchange.Redis", line: 3),
            ]);

        var estate = inventory.Assessment!.Sprawl.Estate.Parts.Single(p => p.Name == "shared-stores");
        Assert.Equal((1, 2, 0.10), (estate.Numerator, estate.Denominator, estate.Weight));
        Assert.Equal(2, estate.Findings.Count);
        var a = inventory.Assessment.Sprawl.Components.Single(c => c.Component == "A").Index.Parts.Single(p => p.Name == "shared-stores");
        Assert.Equal((1, 1), (a.Numerator, a.Denominator));
    }

    [Theory]
    [InlineData(0, "contained")]
    [InlineData(24, "contained")]
    [InlineData(25, "emerging")]
    [InlineData(50, "sprawling")]
    [InlineData(75, "tangled")]
    public void Band_ShouldFollowTheDocumentedThresholds(int index, string band) => Assert.Equal(band, Sprawl.Band(index));

    [Fact]
    public void CriteriaTable_InTheDocs_ShouldBeTheCriteriaOfTheCode()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "assessment.md"));
        var table = doc.Split("<!-- criteria -->")[1];
        var rows = table.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| id", StringComparison.Ordinal)).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();

        Assert.Equal(MaturityCriteria.All.Select(c => (c.Id, c.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Title)), rows.Select(r => (r[1], r[2], r[3])));
    }

    [Fact]
    public void Priorities_ShouldPutProductionSecretsFirst_ThenRankByTheDocumentedScore()
    {
        var productionSecret = Finding("Small", FindingKinds.Secret, "password", line: 1);
        productionSecret.Details = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FindingProperties.Environment] = "default" };
        var developmentSecret = Finding("Big", FindingKinds.Secret, "password", line: 2);
        developmentSecret.Details = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FindingProperties.Environment] = "Development" };
        var inventory = Inventory(
            [Component("Big"), Component("Small")],
            [
                Call("Big", "https://one.example/a", line: 3),
                Call("Big", "https://two.example/b", line: 4),
                Anti("Big", RuleIdentifiers.HardcodedUrl, line: 5),
                developmentSecret,
                productionSecret,
            ]);

        var priorities = inventory.Assessment!.Priorities;

        // Small's secret is in a file for no particular environment: it comes first despite Small having no integrations.
        Assert.Equal(("Small", "R3", true, 1), (priorities[0].Component, priorities[0].Criterion, priorities[0].ProductionSecret, priorities[0].Rank));
        var bigSecret = priorities.Single(p => p.Component == "Big" && p.Criterion == "R3");
        Assert.False(bigSecret.ProductionSecret);

        // Big: fan-in 0 of max 0 (taken as 1), 2 of 2 integration points: impact 0.5; one site: ease 0.9; 2 h: cost ease 0.95; risk 1.
        Assert.Equal(0.5, bigSecret.Impact);
        Assert.Equal(Math.Round(100 * ((0.40 * 0.5) + (0.30 * 0.9) + (0.20 * 0.95) + (0.10 * 1.0)), 1), bigSecret.Score);
        Assert.Equal([developmentSecret.Fingerprint], bigSecret.Findings);
        Assert.Equal(priorities.Skip(1).OrderByDescending(p => p.Score).Select(p => p.Rank), priorities.Skip(1).Select(p => p.Rank));

        var effort = inventory.Assessment.Effort!;
        Assert.Equal(priorities.Sum(p => p.Hours), effort.Hours);
        Assert.Equal(effort.Hours * effort.HourlyRate, effort.Cost);
        Assert.Equal(2, effort.PointToPointEdges);
        Assert.Equal(2 * 8 * effort.HourlyRate, effort.YearlyUpkeepCost);
    }
}
