using InventoryScanner.Analyzers.DataStores;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class InventoryGraphTests
{
    [Fact]
    public void PublisherAndConsumerOfOneQueue_ShouldMeetAtOneChannelNode()
    {
        var inventory = Inventory(
            [Component("Orders"), Component("Billing")],
            [
                Finding("Orders", FindingKinds.QueuePublish, "queue:billing.orders", "RabbitMQ.Client"),
                Finding("Billing", FindingKinds.QueueConsume, "queue:billing.orders", "RabbitMQ.Client"),
            ]);

        var channel = Assert.Single(inventory.Graph.Nodes, n => n.Type == InventoryGraph.ChannelNode);
        Assert.Equal("channel:RabbitMQ.Client:queue:billing.orders", channel.Id);
        Assert.Equal(1, channel.FanIn);
        Assert.Equal(1, channel.FanOut);
        Assert.Contains(inventory.Graph.Edges, e => e.From == "component:Orders" && e.To == channel.Id && e.Kind == "publishes");
        Assert.Contains(inventory.Graph.Edges, e => e.From == channel.Id && e.To == "component:Billing" && e.Kind == "consumes");
    }

    [Fact]
    public void DatabaseOfTwoComponents_ShouldBeOneSharedStoreNode()
    {
        var inventory = Inventory(
            [Component("Orders"), Component("Billing")],
            [
                Finding("Orders", FindingKinds.Database, "sqlserver:sql-prod/orders", "Microsoft.Data.SqlClient"),
                Finding("Billing", FindingKinds.Database, "sqlserver:sql-prod/orders", "Microsoft.Data.SqlClient"),
                Finding("Billing", FindingKinds.Cache, "redis:cache", "StackExchange.Redis", line: 20),
            ]);

        var store = Assert.Single(inventory.Graph.Nodes, n => n.Id == "store:sqlserver:sql-prod/orders");
        Assert.Equal((InventoryGraph.DataStoreNode, 2), (store.Type, store.FanIn));
        Assert.Contains(inventory.Graph.Edges, e => e.From == "component:Billing" && e.To == "store:redis:cache" && e.Kind == "caches");
        Assert.Equal(2, inventory.Graph.Edges.Count(e => e.Kind == "reads-writes"));
        var shared = Assert.Single(inventory.Graph.SharedStores);
        Assert.Equal(("store:sqlserver:sql-prod/orders", "Billing, Orders", 2), (shared.Store, string.Join(", ", shared.Components), shared.Findings.Count));
    }

    [Fact]
    public void MongoServerOfTwoComponents_EachWithItsOwnDatabase_ShouldNotBeASharedStore()
    {
        Finding Server(string component)
        {
            var finding = Finding(component, FindingKinds.Database, "mongodb:nosql.data", "MongoDB.Driver");
            finding.Details = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FindingProperties.StoreScope] = "server" };
            return finding;
        }

        var inventory = Inventory(
            [Component("Ordering"), Component("Catalog"), Component("Reports")],
            [
                Server("Ordering"),
                Finding("Ordering", FindingKinds.Database, "mongodb:OrderingDb/orders", "MongoDB.Driver", line: 12),
                Server("Catalog"),
                Finding("Catalog", FindingKinds.Database, "mongodb:CatalogDb/items", "MongoDB.Driver", line: 12),
                // A collection two components write to is shared, whatever the server.
                Finding("Reports", FindingKinds.Database, "mongodb:CatalogDb/items", "MongoDB.Driver", line: 14),
            ]);

        Assert.Contains(inventory.Graph.Nodes, n => n.Id == "store:mongodb:nosql.data");
        var shared = Assert.Single(inventory.Graph.SharedStores);
        Assert.Equal(("mongodb:CatalogDb/items", "Catalog, Reports"), (shared.Label, string.Join(", ", shared.Components)));
    }

    [Fact]
    public void SharedStore_ShouldWarnEachComponentOnIt_AtItsOwnConnection()
    {
        var inventory = Inventory(
            [Component("Orders"), Component("Billing"), Component("Reports")],
            [
                Finding("Orders", FindingKinds.Database, "sqlserver:sql-prod/orders", "Microsoft.Data.SqlClient", line: 12),
                Finding("Orders", FindingKinds.Database, "sqlserver:sql-prod/orders", "Microsoft.Data.SqlClient", line: 30),
                Finding("Billing", FindingKinds.Database, "sqlserver:sql-prod/orders", "Dapper", line: 7),
                Finding("Reports", FindingKinds.Database, "sqlserver:sql-prod/reports", "Microsoft.Data.SqlClient"),
            ]);

        var warnings = inventory.Findings.Where(f => f.RuleId == RuleIdentifiers.SharedDataStore).OrderBy(f => f.Component, StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["Billing 7 Dapper warning sqlserver:sql-prod/orders sharedWith=Orders", "Orders 12 Microsoft.Data.SqlClient warning sqlserver:sql-prod/orders sharedWith=Billing"],
            warnings.Select(w => $"{w.Component} {w.Line} {w.Library} {w.Severity} {w.Target} sharedWith={w.Details![SharedStoreFindings.SharedWith]}"));
        Assert.All(warnings, w => Assert.Equal(FindingKinds.AntiPattern, w.Kind));
        Assert.Equal(2, warnings.Select(w => w.Fingerprint).Distinct().Count());
        Assert.DoesNotContain(inventory.Findings, f => f.Component == "Reports" && f.RuleId == RuleIdentifiers.SharedDataStore);

        // A warning is no integration point and no edge: the graph is the connections'.
        Assert.Equal(3, inventory.Graph.Edges.Count(e => e.Kind == "reads-writes"));
    }

    [Theory]
    [InlineData(FindingKinds.Smtp, "smtp:relay.contoso.example")]
    [InlineData(FindingKinds.BlobStorage, "s3:aws")]
    [InlineData(FindingKinds.Database, "dynamodb:aws")]
    [InlineData(FindingKinds.Database, "sqlserver:TODO/TODO")]
    [InlineData(FindingKinds.Database, "sqlserver:<server>/orders")]
    [InlineData(FindingKinds.Database, "postgres:your-server/catalog")]
    [InlineData(FindingKinds.Database, "mysql:xxx/shop")]
    [InlineData(FindingKinds.Database, "sqlite::memory:")]
    public void AVendorTwoComponentsUse_ShouldNotBeASharedStore(string kind, string target)
    {
        var inventory = Inventory(
            [Component("Orders"), Component("Billing")],
            [Finding("Orders", kind, target), Finding("Billing", kind, target)]);

        Assert.Empty(inventory.Graph.SharedStores);
        Assert.DoesNotContain(inventory.Findings, f => f.RuleId == RuleIdentifiers.SharedDataStore);
    }

    [Fact]
    public void IntegrationTestsOnTheServicesDatabase_ShouldNotMakeItShared()
    {
        var tests = Finding("Orders.Tests", FindingKinds.Database, "sqlserver:sql-dev/orders", "Microsoft.Data.SqlClient");
        tests.Details = new Dictionary<string, string> { [TestScope.Key] = TestScope.Test };
        var inventory = Inventory(
            [Component("Orders"), Component("Orders.Tests")],
            [Finding("Orders", FindingKinds.Database, "sqlserver:sql-dev/orders", "Microsoft.Data.SqlClient"), tests]);

        Assert.Empty(inventory.Graph.SharedStores);
        Assert.True(tests.IsTestOnly);
    }

    [Fact]
    public void AMigrationRunnerOfTheSchema_ShouldNotShareTheStore_ButTwoServicesStillDo()
    {
        var runner = new[]
        {
            Finding("Catalog.DbManager", FindingKinds.Database, "postgres:catalogdb", "Aspire.Npgsql.EntityFrameworkCore.PostgreSQL"),
            Finding("Catalog.DbManager", FindingKinds.DataStoreFact, DataStoreFacts.Migrations, "Microsoft.EntityFrameworkCore", line: 30),
        };
        var service = Finding("Catalog.API", FindingKinds.Database, "postgres:catalogdb", "Aspire.Npgsql.EntityFrameworkCore.PostgreSQL");
        var alone = Inventory([Component("Catalog.DbManager"), Component("Catalog.API")], [.. runner, service]);
        Assert.Empty(alone.Graph.SharedStores);
        Assert.Equal(2, alone.Graph.Edges.Count(e => e.To == "store:postgres:catalogdb"));

        // A runner that also calls out is a service that migrates its own schema: it shares like any other.
        var migratingService = Finding("Catalog.DbManager", FindingKinds.HttpClient, "https://partner.example/", line: 40);
        var both = Inventory([Component("Catalog.DbManager"), Component("Catalog.API")], [.. runner, migratingService, service]);
        Assert.Equal(["Catalog.API", "Catalog.DbManager"], Assert.Single(both.Graph.SharedStores).Components);

        var reporting = Finding("Reporting", FindingKinds.Database, "postgres:catalogdb", "Npgsql");
        var shared = Inventory([Component("Catalog.DbManager"), Component("Catalog.API"), Component("Reporting")], [.. runner, service, reporting]);
        Assert.Equal(["Catalog.API", "Reporting"], Assert.Single(shared.Graph.SharedStores).Components);
    }

    [Fact]
    public void ComponentsSharingAContainer_ShouldBeListedAtTheContainer_NotAlsoAtItsAccount()
    {
        var inventory = Inventory(
            [Component("Gallery.Web"), Component("Gallery.Functions"), Component("Archive")],
            [
                Finding("Gallery.Web", FindingKinds.BlobStorage, "azure-blob:media", "Aspire.Azure.Storage.Blobs"),
                Finding("Gallery.Web", FindingKinds.BlobStorage, "azure-blob:media/thumbnails", "Azure.Storage.Blobs", line: 20),
                Finding("Gallery.Functions", FindingKinds.BlobStorage, "azure-blob:media", "Aspire.Azure.Storage.Blobs"),
                Finding("Gallery.Functions", FindingKinds.BlobStorage, "azure-blob:media/thumbnails", "Azure.Storage.Blobs", line: 20),
                Finding("Archive", FindingKinds.BlobStorage, "azure-blob:media", "Azure.Storage.Blobs"),
            ]);

        // The account is shared by three (one of them on no common container); the container by two.
        Assert.Equal(
            [("azure-blob:media", "Archive, Gallery.Functions, Gallery.Web"), ("azure-blob:media/thumbnails", "Gallery.Functions, Gallery.Web")],
            inventory.Graph.SharedStores.Select(s => (s.Label, string.Join(", ", s.Components))));

        var pair = Inventory(
            [Component("Gallery.Web"), Component("Gallery.Functions")],
            [
                Finding("Gallery.Web", FindingKinds.BlobStorage, "azure-blob:media", "Aspire.Azure.Storage.Blobs"),
                Finding("Gallery.Web", FindingKinds.BlobStorage, "azure-blob:media/thumbnails", "Azure.Storage.Blobs", line: 20),
                Finding("Gallery.Functions", FindingKinds.BlobStorage, "azure-blob:media", "Aspire.Azure.Storage.Blobs"),
                Finding("Gallery.Functions", FindingKinds.BlobStorage, "azure-blob:media/thumbnails", "Azure.Storage.Blobs", line: 20),
            ]);
        Assert.Equal("azure-blob:media/thumbnails", Assert.Single(pair.Graph.SharedStores).Label);
    }

    [Fact]
    public void DesignTimeFactoriesOnOneDevelopersServer_ShouldNotBeASharedStore()
    {
        var catalog = Finding("Catalog", FindingKinds.Database, "sqlserver:./catalog", "Microsoft.EntityFrameworkCore.SqlServer");
        var webhooks = Finding("Webhooks", FindingKinds.Database, "sqlserver:./catalog", "Microsoft.EntityFrameworkCore.SqlServer");
        catalog.Details = new Dictionary<string, string> { [FindingProperties.DesignTime] = "true" };
        webhooks.Details = new Dictionary<string, string> { [FindingProperties.DesignTime] = "true" };
        var inventory = Inventory([Component("Catalog"), Component("Webhooks")], [catalog, webhooks]);

        Assert.Empty(inventory.Graph.SharedStores);
        Assert.Equal(2, inventory.Graph.Nodes.Count(n => n.Type == InventoryGraph.DataStoreNode));
    }

    [Fact]
    public void ConnectionTheAppHostProvides_ShouldTakeTheResourcesName_AndShowTheSharing()
    {
        var resource = Finding("AppHost", FindingKinds.ServiceResource, "ordering-api", "Aspire.Hosting");
        resource.Details = new Dictionary<string, string> { [FindingProperties.Project] = "Ordering_API", [FindingProperties.References] = "eventbus (AddRabbitMQ), orderingdb (AddDatabase)" };
        var processor = Finding("AppHost", FindingKinds.ServiceResource, "order-processor", "Aspire.Hosting", line: 20);
        processor.Details = new Dictionary<string, string> { [FindingProperties.Project] = "OrderProcessor", [FindingProperties.References] = "orderingdb (AddDatabase)" };
        var unreferenced = Connection("Catalog.API", "postgres:{config:ConnectionStrings:catalogdb}", "ConnectionStrings:catalogdb");
        var webhooks = Connection("Webhooks.API", "postgres:localhost/WebhooksDB", "ConnectionStrings:WebhooksDB");
        var hooks = Finding("AppHost", FindingKinds.ServiceResource, "webhooks-api", "Aspire.Hosting", line: 30);
        hooks.Details = new Dictionary<string, string> { [FindingProperties.Project] = "Webhooks_API", [FindingProperties.References] = "webhooksdb (AddDatabase)" };
        var inventory = Inventory(
            [Component("AppHost"), Component("Ordering.API"), Component("OrderProcessor"), Component("Catalog.API"), Component("Webhooks.API")],
            [
                resource,
                processor,
                hooks,
                Connection("Ordering.API", "postgres:{config:ConnectionStrings:orderingdb}", "ConnectionStrings:orderingdb"),
                Finding("OrderProcessor", FindingKinds.Database, "postgres:orderingdb", "Aspire.Npgsql"),
                unreferenced,
                webhooks,
            ]);

        var ordering = Assert.Single(inventory.Findings, f => f.Component == "Ordering.API" && f.Kind == FindingKinds.Database);
        Assert.Equal(("postgres:orderingdb", AspireResourceJoin.AspireReference), (ordering.Target, ordering.Details![FindingProperties.TargetSource]));

        // A developer's localhost string in appsettings is overridden at run time by what the AppHost provides.
        Assert.Equal("postgres:webhooksdb", webhooks.Target);

        // Catalog.API is given no catalogdb by the AppHost: its placeholder stays what the code says.
        Assert.Equal("postgres:{config:ConnectionStrings:catalogdb}", unreferenced.Target);
        var shared = Assert.Single(inventory.Graph.SharedStores);
        Assert.Equal(["OrderProcessor", "Ordering.API"], shared.Components);

        static Finding Connection(string component, string target, string configKey)
        {
            var connection = Finding(component, FindingKinds.Database, target, "Npgsql.EntityFrameworkCore.PostgreSQL");
            connection.Details = new Dictionary<string, string> { [FindingProperties.ConfigKey] = configKey, [FindingProperties.TargetSource] = TargetSources.Configuration };
            return connection;
        }
    }

    [Fact]
    public void StoresTheScanCouldNotName_ShouldStayEachComponentsOwn()
    {
        var inventory = Inventory(
            [Component("Orders"), Component("Billing")],
            [
                Finding("Orders", FindingKinds.Database, "sqlserver:unresolved", "Microsoft.Data.SqlClient"),
                Finding("Billing", FindingKinds.Database, "sqlserver:unresolved", "Microsoft.Data.SqlClient"),
            ]);

        Assert.Equal(
            ["store:sqlserver:unresolved@Billing", "store:sqlserver:unresolved@Orders"],
            inventory.Graph.Nodes.Where(n => n.Type == InventoryGraph.DataStoreNode).Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.All(inventory.Graph.Nodes.Where(n => n.Type == InventoryGraph.DataStoreNode), n => Assert.Equal(1, n.FanIn));
    }

    [Fact]
    public void PublisherToAnExchange_ShouldReachTheConsumerOfABoundQueue()
    {
        var binding = Finding("Notifications", FindingKinds.QueueBinding, "queue:notifications.email", "RabbitMQ.Client");
        binding.Details = new Dictionary<string, string> { [FindingProperties.Exchange] = "billing", [FindingProperties.RoutingKey] = "invoice.created" };
        var inventory = Inventory(
            [Component("Billing"), Component("Notifications")],
            [
                Finding("Billing", FindingKinds.QueuePublish, "exchange:billing", "RabbitMQ.Client"),
                binding,
                Finding("Notifications", FindingKinds.QueueConsume, "queue:notifications.email", "RabbitMQ.Client"),
            ]);

        var edges = inventory.Graph.Edges.Select(e => $"{e.From} -{e.Kind}-> {e.To}").ToList();
        Assert.Equal(
            [
                "channel:RabbitMQ.Client:exchange:billing -binds-> channel:RabbitMQ.Client:queue:notifications.email",
                "channel:RabbitMQ.Client:queue:notifications.email -consumes-> component:Notifications",
                "component:Billing -publishes-> channel:RabbitMQ.Client:exchange:billing",
            ],
            edges);
    }

    [Fact]
    public void HttpCallsToOneHost_ShouldShareOneExternalNodeAndOneEdgeCarryingEveryFinding()
    {
        var inventory = Inventory(
            [Component("Crm")],
            [
                Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/api/contacts", line: 10),
                Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/api/contacts/{id}", line: 20),
                Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com:8443/admin", line: 30),
                Finding("Crm", FindingKinds.HttpClient, "unresolved", line: 40),
                Finding("Crm", FindingKinds.Secret, "password", "code", line: 50),
            ]);

        var crm = Assert.Single(inventory.Graph.Nodes, n => n.Id == "component:Crm");
        Assert.Equal(3, crm.FanOut);
        var edge = Assert.Single(inventory.Graph.Edges, e => e.To == "external:https://crm.example.com");
        Assert.Equal(2, edge.Findings.Count);
        Assert.Contains(inventory.Graph.Nodes, n => n.Id == "external:https://crm.example.com:8443");
        Assert.Contains(inventory.Graph.Nodes, n => n.Id == "external:unresolved-http");
        Assert.DoesNotContain(inventory.Graph.Edges, e => e.Findings.Contains(inventory.Findings.Single(f => f.Kind == FindingKinds.Secret).Fingerprint));
    }

    [Fact]
    public void CallsByServiceName_ShouldReachTheComponent_ThroughTheAppHostOrTheComponentsOwnName()
    {
        var catalog = Finding("AppHost", FindingKinds.ServiceResource, "catalog", "Aspire.Hosting");
        catalog.Details = new Dictionary<string, string>
        {
            [FindingProperties.Project] = "Catalog_API",
            [FindingProperties.References] = "eventbus (AddRabbitMQ), catalogdb (AddDatabase)",
        };
        var web = Finding("AppHost", FindingKinds.ServiceResource, "webapp", "Aspire.Hosting", line: 20);
        web.Details = new Dictionary<string, string> { [FindingProperties.Project] = "WebApp", [FindingProperties.References] = "catalog (AddProject)" };
        var inventory = Inventory(
            [Component("AppHost"), Component("Catalog.API"), Component("Ordering.API"), Component("WebApp"), Component("EventBus")],
            [
                catalog,
                web,
                Reference("webapp", "WebApp", "catalog", "Catalog_API", line: 21),
                Finding("WebApp", FindingKinds.HttpClient, "https+http://catalog/api/items", line: 30),
                Finding("WebApp", FindingKinds.GrpcClient, "http://ordering-api/ordering.Ordering/Get", "Grpc.Net.Client", line: 40),
                Finding("WebApp", FindingKinds.HttpClient, "https://catalog.example.com/api", line: 50),
            ]);

        Assert.Equal(
            [
                "component:Catalog.API -declared-> external:aspire:catalogdb",
                "component:Catalog.API -declared-> external:aspire:eventbus",
                "component:WebApp -declared-> component:Catalog.API",
                "component:WebApp -grpc-> component:Ordering.API",
                "component:WebApp -http-> component:Catalog.API",
                "component:WebApp -http-> external:https://catalog.example.com",
            ],
            Edges(inventory));
    }

    [Fact]
    public void ServiceReference_ShouldBeTheReferencingComponentsFinding_WithTheCallsFoundBehindIt()
    {
        var inventory = Inventory(
            [Component("AppHost"), Component("Catalog.API"), Component("Basket.API"), Component("WebApp"), Component("WebApp.Components")],
            [
                Resource("catalog-api", "Catalog_API", line: 10),
                Resource("basket-api", "Basket_API", line: 11),
                Resource("webapp", "WebApp", line: 12),
                Reference("webapp", "WebApp", "catalog-api", "Catalog_API", line: 13),
                Reference("webapp", "WebApp", "basket-api", "Basket_API", line: 14),
                Reference("storefront", null, "catalog-api", "Catalog_API", line: 15, resourceType: "AddJavaScriptApp"),
                Finding("WebApp", FindingKinds.HttpClient, "https+http://catalog-api/api/items", line: 30),
                Registered(Finding("WebApp.Components", FindingKinds.HttpClient, "https+http://catalog-api/api/brands", line: 40), "WebApp: src/WebApp/Program.cs:12"),
                Finding("WebApp", FindingKinds.HttpClient, "https://catalog.example.com/api", line: 50),
            ]);

        var references = inventory.Findings.Where(f => f.Kind == FindingKinds.ServiceReference).OrderBy(f => f.Line).ToList();
        Assert.Equal(
            ["WebApp catalog-api 2", "WebApp basket-api 0", "AppHost catalog-api "],
            references.Select(f => $"{f.Component} {f.Target} {f.Details!.GetValueOrDefault(AspireResourceJoin.CallsFound)}"));
        Assert.Equal(
            [
                "component:WebApp -declared-> component:Basket.API",
                "component:WebApp -declared-> component:Catalog.API",
                "external:aspire:storefront -declared-> component:Catalog.API",
            ],
            Edges(inventory, "declared"));
        Assert.Equal("storefront (AddJavaScriptApp)", inventory.Graph.Nodes.Single(n => n.Id == "external:aspire:storefront").Label);

        // Two calls, and the basket-api dependency no call was found behind: the declaration is its only evidence.
        Assert.Equal(3, inventory.Assessment!.Maturity.Components.Single(c => c.Component == "WebApp").IntegrationPoints);
    }

    [Fact]
    public void ServiceNameOfSeveralAppHosts_ShouldReachTheProjectOfTheCallersOwnAppHost()
    {
        var inventory = Inventory(
            [Component("Shop.AppHost"), Component("Shop.Api"), Component("Shop.Web"), Component("Health.AppHost"), Component("Health.Api"), Component("Health.Web")],
            [
                Resource("apiservice", "Shop_Api", line: 10, appHost: "Shop.AppHost"),
                Resource("web", "Shop_Web", line: 11, appHost: "Shop.AppHost"),
                Resource("apiservice", "Health_Api", line: 10, appHost: "Health.AppHost"),
                Resource("web", "Health_Web", line: 11, appHost: "Health.AppHost"),
                Finding("Shop.Web", FindingKinds.HttpClient, "https+http://apiservice/products", line: 30),
                Finding("Health.Web", FindingKinds.HttpClient, "https+http://apiservice/status", line: 30),
            ]);

        Assert.Equal(
            ["component:Health.Web -http-> component:Health.Api", "component:Shop.Web -http-> component:Shop.Api"],
            Edges(inventory, "http"));
    }

    [Fact]
    public void YarpResourceRoutes_ShouldStartAtTheGatewaysNode_AndForwarderBeADirectCall()
    {
        var route = Finding("AppHost", FindingKinds.GatewayRoute, "https+http://ordering-api/api/orders/{*any}", "Aspire.Hosting.Yarp", line: 20, ruleId: RuleIdentifiers.AspireYarpRoute);
        route.Details = new Dictionary<string, string> { [FindingProperties.Resource] = "mobile-bff", [FindingProperties.Upstream] = "/api/orders/{*any}" };
        var forwarder = Finding("WebApp", FindingKinds.HttpClient, "https+http://ordering-api/api/orders/{id}/pic", "Yarp.ReverseProxy", line: 30);
        forwarder.Details = new Dictionary<string, string> { [FindingProperties.Via] = "MapForwarder" };
        var inventory = Inventory(
            [Component("AppHost"), Component("Ordering.API"), Component("WebApp"), Component("Mobile")],
            [
                Resource("ordering-api", "Ordering_API", line: 10),
                route,
                forwarder,
                Finding("Mobile", FindingKinds.HttpClient, "https+http://mobile-bff/api/orders/1", line: 40),
            ]);

        Assert.Equal(
            [
                "component:Mobile -http-> external:aspire:mobile-bff",
                "component:WebApp -forwards-> component:Ordering.API",
                "external:aspire:mobile-bff -routes-> component:Ordering.API",
            ],
            Edges(inventory));
        Assert.Equal(
            ["AppHost none", "Mobile gateway-mediated", "WebApp point-to-point"],
            inventory.Assessment!.Style.Components.Where(c => c.Component is "AppHost" or "Mobile" or "WebApp").Select(c => $"{c.Component} {c.Style}").Order(StringComparer.Ordinal));
    }

    /// <summary>The graph's edges as <c>from -kind-&gt; to</c>, sorted; of one kind when it is given.</summary>
    private static IEnumerable<string> Edges(Inventory inventory, string? kind = null) =>
        inventory.Graph.Edges.Where(e => kind is null || e.Kind == kind).Select(e => $"{e.From} -{e.Kind}-> {e.To}").Order(StringComparer.Ordinal);

    private static Finding Resource(string name, string project, int line, string appHost = "AppHost")
    {
        var resource = Finding(appHost, FindingKinds.ServiceResource, name, "Aspire.Hosting", line: line, ruleId: RuleIdentifiers.AspireProjectResource);
        resource.Details = new Dictionary<string, string> { [FindingProperties.Resource] = name, [FindingProperties.Project] = project };
        return resource;
    }

    private static Finding Reference(string resource, string? project, string target, string targetProject, int line, string resourceType = "AddProject")
    {
        var reference = Finding("AppHost", FindingKinds.ServiceReference, target, "Aspire.Hosting", line: line, ruleId: RuleIdentifiers.AspireServiceReference);
        reference.Details = new Dictionary<string, string> { [FindingProperties.Resource] = resource, [FindingProperties.ResourceType] = resourceType, [FindingProperties.TargetProject] = targetProject };
        if (project is not null)
        {
            reference.Details = new Dictionary<string, string>(reference.Details) { [FindingProperties.Project] = project };
        }

        return reference;
    }

    private static Finding Registered(Finding call, string registration)
    {
        call.Details = new Dictionary<string, string> { [FindingProperties.Registration] = registration };
        return call;
    }

    [Fact]
    public void CallsToTheUrlAComponentServesOn_ShouldReachTheComponent()
    {
        var shipping = new Component { Name = "Shipping.Api", Project = "src/Shipping.Api/Shipping.Api.csproj", Analysis = AnalysisLevel.Semantic, LaunchUrls = ["https://localhost:7015", "http://localhost:5015"] };
        var inventory = Inventory(
            [Component("Orders"), shipping],
            [
                Finding("Orders", FindingKinds.HttpClient, "https://localhost:7015/api/shipments", line: 10),
                Finding("Orders", FindingKinds.HttpClient, "https://localhost:9999/api/other", line: 20),
                Finding("Shipping.Api", FindingKinds.HttpClient, "http://localhost:5015/health", line: 30),
            ]);

        Assert.Equal(
            [
                "component:Orders -http-> component:Shipping.Api",
                "component:Orders -http-> external:https://localhost:9999",
                "component:Shipping.Api -http-> external:http://localhost:5015",
            ],
            Edges(inventory));
    }

    [Fact]
    public void ChannelsWithOnlyOneSide_ShouldBeListedAsOrphans_ButNotWhenABindingReachesTheOtherSide()
    {
        var binding = Finding("Notifications", FindingKinds.QueueBinding, "queue:emails", "RabbitMQ.Client");
        binding.Details = new Dictionary<string, string> { [FindingProperties.Exchange] = "billing" };
        var inventory = Inventory(
            [Component("Billing"), Component("Notifications"), Component("Audit")],
            [
                Finding("Billing", FindingKinds.QueuePublish, "exchange:billing", "RabbitMQ.Client", line: 10),
                binding,
                Finding("Notifications", FindingKinds.QueueConsume, "queue:emails", "RabbitMQ.Client", line: 20),
                Finding("Billing", FindingKinds.QueuePublish, "message:Contoso.InvoicePaid", "MassTransit", line: 30),
                Finding("Audit", FindingKinds.QueueConsume, "entity:audit-log", "Azure.Messaging.ServiceBus", line: 40),
            ]);

        Assert.Equal(
            ["entity:audit-log no-publisher Audit", "message:Contoso.InvoicePaid no-consumer Billing"],
            inventory.Graph.Orphans.Select(o => $"{o.Label} {o.Missing} {string.Join(",", o.Components)}"));
        Assert.All(inventory.Graph.Orphans, o => Assert.Single(o.Findings));
    }

    [Fact]
    public void ComponentsThatFeedEachOtherThroughQueues_ShouldBeReportedAsACycle()
    {
        var inventory = Inventory(
            [Component("A"), Component("B"), Component("C")],
            [
                Finding("A", FindingKinds.QueuePublish, "queue:a-to-b", "RabbitMQ.Client"),
                Finding("B", FindingKinds.QueueConsume, "queue:a-to-b", "RabbitMQ.Client"),
                Finding("B", FindingKinds.QueuePublish, "queue:b-to-a", "RabbitMQ.Client"),
                Finding("A", FindingKinds.QueueConsume, "queue:b-to-a", "RabbitMQ.Client"),
                Finding("C", FindingKinds.QueueConsume, "queue:a-to-b", "RabbitMQ.Client"),
            ]);

        var cycle = Assert.Single(inventory.Graph.Cycles);
        Assert.Equal(
            ["channel:RabbitMQ.Client:queue:a-to-b", "channel:RabbitMQ.Client:queue:b-to-a", "component:A", "component:B"],
            cycle);
    }

    [Theory]
    [InlineData("https://api.example.com/v1/{id}", "https://api.example.com")]
    [InlineData("http://inventory.internal:8080/api", "http://inventory.internal:8080")]
    [InlineData("{baseUrl}/orders", null)]
    [InlineData("unresolved", null)]
    [InlineData("api/orders", null)]
    public void Origin_ShouldBeSchemeAndAuthorityOfAbsoluteTargets(string target, string? origin)
    {
        Assert.Equal(origin, InventoryGraph.Origin(target));
    }
}
