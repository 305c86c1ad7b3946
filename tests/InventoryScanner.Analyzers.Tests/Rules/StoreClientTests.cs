using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>
/// Stores reached through a client made elsewhere (an injected multiplexer, blob service or Cosmos client): the use is a
/// finding that names its part and, when the client was not made in view, the client's type for the scanner's join.
/// </summary>
public sealed class StoreClientTests
{
    private const string Stubs = """
        namespace StackExchange.Redis
        {
            public interface IDatabase { }
            public interface IConnectionMultiplexer { IDatabase GetDatabase(int db = -1, object? asyncState = null); }
            public sealed class ConfigurationOptions { public static ConfigurationOptions Parse(string configuration, bool ignoreUnknown) => null!; }
            public sealed class ConnectionMultiplexer : IConnectionMultiplexer
            {
                public static ConnectionMultiplexer Connect(string configuration) => null!;
                public static ConnectionMultiplexer Connect(ConfigurationOptions configuration) => null!;
                public IDatabase GetDatabase(int db = -1, object? asyncState = null) => null!;
            }
        }
        namespace Azure.Storage.Blobs
        {
            public sealed class BlobContainerClient { }
            public sealed class BlobServiceClient
            {
                public BlobServiceClient(string connectionString) { }
                public BlobContainerClient GetBlobContainerClient(string blobContainerName) => null!;
            }
        }
        namespace Microsoft.Azure.Cosmos
        {
            public sealed class Container { }
            public sealed class Database { }
            public sealed class CosmosClient
            {
                public CosmosClient(string connectionString) { }
                public Database GetDatabase(string id) => null!;
                public Container GetContainer(string databaseId, string containerId) => null!;
            }
        }
        """;

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Kind]} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Confidence]} client={d.Properties[FindingProperties.StoreClient] ?? "-"}").ToArray();

    [Fact]
    public async Task InjectedClients_ShouldBeFindings_NamingTheirPart_AndTheClientForTheJoin()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using StackExchange.Redis;
            using Azure.Storage.Blobs;
            using Microsoft.Azure.Cosmos;
            class BasketRepository(IConnectionMultiplexer redis)
            {
                private readonly IDatabase _database = redis.GetDatabase();
            }
            class Thumbnails
            {
                private readonly BlobContainerClient _container;
                public Thumbnails(BlobServiceClient blobs) { _container = blobs.GetBlobContainerClient("thumbnails"); }
            }
            class Orders
            {
                private const string Database = "shop";
                void Open(CosmosClient cosmos)
                {
                    var orders = cosmos.GetContainer(Database, "orders");
                    var shop = cosmos.GetDatabase("shop");
                }
            }
            """,
            Stubs);

        Assert.Equal(
            [
                "INV4002 cache redis:unresolved high client=IConnectionMultiplexer",
                "INV4003 blob-storage azure-blob:unresolved/thumbnails high client=BlobServiceClient",
                "INV4001 database cosmos:shop/orders high client=-",
                "INV4001 database cosmos:shop high client=-",
            ],
            Describe(diagnostics));
    }

    [Fact]
    public async Task ClientsMadeInView_ShouldTakeTheirConnection_AndNotRepeatIt()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using StackExchange.Redis;
            using Azure.Storage.Blobs;
            class Cache
            {
                private static readonly ConnectionMultiplexer Redis = ConnectionMultiplexer.Connect("cache.internal:6379");
                IDatabase Database() => Redis.GetDatabase();
                IDatabase Chained() => ConnectionMultiplexer.Connect("sessions.internal:6379").GetDatabase();
                ConnectionMultiplexer Parsed()
                {
                    var options = ConfigurationOptions.Parse("basket.internal:6379,ssl=true", true);
                    return ConnectionMultiplexer.Connect(options);
                }
                BlobContainerClient Images()
                {
                    var service = new BlobServiceClient("DefaultEndpointsProtocol=https;AccountName=contosoimages;AccountKey=k");
                    return service.GetBlobContainerClient("images");
                }
            }
            """,
            Stubs);

        Assert.Equal(
            [
                "INV4002 cache redis:cache.internal high client=-",
                "INV4002 cache redis:sessions.internal high client=-",
                "INV4002 cache redis:basket.internal high client=-",
                "INV4003 blob-storage azure-blob:contosoimages high client=-",
                "INV4003 blob-storage azure-blob:contosoimages/images high client=-",
            ],
            Describe(diagnostics));
    }

    [Fact]
    public async Task InjectedClientsWithoutTheirPackages_ShouldStillBeFound_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            class BasketRepository(IConnectionMultiplexer redis)
            {
                private readonly IDatabase _database = redis.GetDatabase();
                BlobContainerClient Container(BlobServiceClient blobs) => blobs.GetBlobContainerClient("images");
            }
            """);

        Assert.Equal(
            [
                "INV4002 cache redis:unresolved low client=IConnectionMultiplexer",
                "INV4003 blob-storage azure-blob:unresolved/images low client=BlobServiceClient",
            ],
            Describe(diagnostics));
    }

    [Fact]
    public async Task LookAlikes_ShouldNotBeStores()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            interface ITenantCatalog { object GetDatabase(); object GetContainer(string a, string b); }
            class DependencyContainer { public object GetContainer(string a, string b) => null!; }
            class Tenants
            {
                void Open(ITenantCatalog catalog, DependencyContainer ioc)
                {
                    var db = catalog.GetDatabase();
                    var scope = ioc.GetContainer("web", "scoped");
                }
            }
            """,
            Stubs);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task AspireKeyedAndServiceClientRegistrations_ShouldNameTheirResource()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using Microsoft.Extensions.Hosting;
            namespace Microsoft.Extensions.Hosting
            {
                public interface IHostApplicationBuilder { }
                public static class AspireRedisExtensions
                {
                    public static void AddKeyedRedisClient(this IHostApplicationBuilder builder, string name) { }
                }
                public static class AspireBlobStorageExtensions
                {
                    public static void AddAzureBlobServiceClient(this IHostApplicationBuilder builder, string connectionName) { }
                }
            }
            class Program
            {
                static void Main(IHostApplicationBuilder builder)
                {
                    builder.AddKeyedRedisClient("voting-redis");
                    builder.AddAzureBlobServiceClient("blobs");
                }
            }
            """);

        Assert.Equal(
            [
                "INV4002 cache redis:voting-redis high client=-",
                "INV4003 blob-storage azure-blob:blobs high client=-",
            ],
            Describe(diagnostics));
    }
}
