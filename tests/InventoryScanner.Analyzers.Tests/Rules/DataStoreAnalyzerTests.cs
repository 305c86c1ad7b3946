using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class DataStoreAnalyzerTests
{
    private const string Password = "Orders!Db2024";

    private const string Stubs = """
        namespace Microsoft.Data.SqlClient { public sealed class SqlConnection { public SqlConnection(string connectionString) { } } }
        namespace Npgsql
        {
            public sealed class NpgsqlConnection { public NpgsqlConnection(string connectionString) { } }
            public sealed class NpgsqlDataSource { public static NpgsqlDataSource Create(string connectionString) => null!; }
        }
        namespace StackExchange.Redis
        {
            public sealed class ConnectionMultiplexer
            {
                public static ConnectionMultiplexer Connect(string configuration) => null!;
                public static System.Threading.Tasks.Task<ConnectionMultiplexer> ConnectAsync(string configuration) => null!;
            }
        }
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContextOptionsBuilder { }
            public static class SqlServerDbContextOptionsExtensions
            {
                public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder builder, string connectionString) => builder;
            }
            public static class NpgsqlDbContextOptionsBuilderExtensions
            {
                public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder builder, string connectionString) => builder;
            }
        }
        """;

    private static readonly (string, string)[] Settings =
    [
        ("/src/Orders/appsettings.json", $$"""{ "ConnectionStrings": { "Orders": "Server=tcp:sql-prod.example.com,1433;Initial Catalog=orders;User Id=app;Password={{Password}}" }, "Redis": "cache.example.com:6380,password={{Password}},ssl=true" }"""),
        ("/src/Orders/appsettings.Development.json", """{ "ConnectionStrings": { "Orders": "Server=(localdb)\\MSSQLLocalDB;Database=orders-dev;Trusted_Connection=True" } }"""),
    ];

    private const string Code = $$"""
        using Microsoft.Data.SqlClient;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;
        class Orders
        {
            void Open(IConfiguration configuration, DbContextOptionsBuilder options)
            {
                var sql = new SqlConnection(configuration.GetConnectionString("Orders"));
                var pg = new Npgsql.NpgsqlConnection("Host=pg.internal;Port=5432;Database=catalog;Username=app;Password={{Password}}");
                var source = Npgsql.NpgsqlDataSource.Create("Host=pg2.internal;Database=stock");
                var redis = StackExchange.Redis.ConnectionMultiplexer.Connect(configuration["Redis"]);
                options.UseSqlServer(configuration.GetConnectionString("Missing"));
            }
        }
        """;

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Kind]} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Confidence]}").ToArray();

    [Fact]
    public async Task Connections_ShouldNameTheStore_ResolvedThroughConfiguration()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new DataStoreAnalyzer(), Settings, Code, Stubs, InventoryScanner.Analyzers.Tests.Stubs.Configuration);

        Assert.Equal(
            [
                "INV4001 database sqlserver:sql-prod.example.com/orders high",
                "INV4001 database postgres:pg.internal/catalog high",
                "INV4001 database postgres:pg2.internal/stock high",
                "INV4002 cache redis:cache.example.com high",
                "INV4001 database sqlserver:{config:ConnectionStrings:Missing} high",
            ],
            Describe(diagnostics));
        Assert.Equal("ConnectionStrings:Orders", diagnostics[0].Properties[FindingProperties.ConfigKey]);
        Assert.Equal(@"appsettings.json=sql-prod.example.com/orders; appsettings.Development.json=(localdb)\MSSQLLocalDB/orders-dev", diagnostics[0].Properties[FindingProperties.ConfigValues]);
    }

    [Fact]
    public async Task NoProperty_ShouldHoldThePassword()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new DataStoreAnalyzer(), Settings, Code, Stubs, InventoryScanner.Analyzers.Tests.Stubs.Configuration);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.All(d.Properties.Values, v => Assert.DoesNotContain(Password, v ?? "", StringComparison.Ordinal)));
        Assert.Contains(diagnostics, d => d.Properties[FindingProperties.Evidence] == "new Npgsql.NpgsqlConnection(\"…\")");
    }

    [Fact]
    public async Task MissingPackages_ShouldStillBeFound_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            class Legacy
            {
                void Open(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder options)
                {
                    var connection = new SqlConnection("Data Source=legacy-sql;Initial Catalog=Billing;Integrated Security=SSPI");
                    options.UseNpgsql("Host=pg;Database=ledger");
                    var redis = ConnectionMultiplexer.Connect("redis:6379");
                }
            }
            """);

        Assert.Equal(
            [
                "INV4001 database sqlserver:legacy-sql/Billing low",
                "INV4001 database postgres:pg/ledger low",
                "INV4002 cache redis:redis low",
            ],
            Describe(diagnostics));
    }

    [Fact]
    public async Task ObjectStorageAndMail_ShouldNameTheAccountAndTheServer()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            $$"""
            class Outbox
            {
                void Send()
                {
                    var blobs = new BlobServiceClient("DefaultEndpointsProtocol=https;AccountName=contosodocs;AccountKey={{Password}};EndpointSuffix=core.windows.net");
                    var container = new BlobContainerClient(new System.Uri("https://contosoimages.blob.core.windows.net/thumbnails"), null);
                    var smtp = new System.Net.Mail.SmtpClient("smtp.contoso.example", 587);
                    var s3 = new AmazonS3Client();
                }
            }
            """);

        Assert.Equal(
            [
                "INV4003 blob-storage azure-blob:contosodocs low",
                "INV4003 blob-storage azure-blob:contosoimages.blob.core.windows.net/thumbnails low",
                "INV4004 smtp smtp:smtp.contoso.example high",
                "INV4003 blob-storage s3:unresolved low",
            ],
            Describe(diagnostics));
        Assert.All(diagnostics, d => Assert.All(d.Properties.Values, v => Assert.DoesNotContain(Password, v ?? "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AspireClientIntegrations_ShouldNameTheResource()
    {
        const string Aspire = """
            namespace Microsoft.Extensions.Hosting
            {
                public interface IHostApplicationBuilder { }
                public static class AspireEFPostgreSqlExtensions
                {
                    public static void AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName) { }
                }
                public static class AspireRedisExtensions
                {
                    public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName) { }
                }
            }
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using Microsoft.Extensions.Hosting;
            class CatalogContext { }
            static class Program
            {
                static void Configure(IHostApplicationBuilder builder)
                {
                    builder.AddNpgsqlDbContext<CatalogContext>("catalogdb");
                    builder.AddRedisClient("cache");
                    builder.AddSqlServerDbContext<CatalogContext>("orders");
                }
            }
            """,
            Aspire);

        Assert.Equal(
            ["INV4001 database postgres:catalogdb high", "INV4002 cache redis:cache high", "INV4001 database sqlserver:orders low"],
            Describe(diagnostics));
    }

    [Fact]
    public async Task UnboundProviderInsideAnUnboundRegistration_ShouldStillReadTheConfiguration()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Ordering/appsettings.json", """{ "ConnectionString": "Server=tcp:127.0.0.1,5433;Database=OrderingDb;User Id=sa;Password=x" }""")],
            """
            using Microsoft.Extensions.Configuration;
            static class Startup
            {
                public static void AddCustomDbContext(this object services, IConfiguration configuration)
                {
                    services.AddDbContext<OrderingContext>(options =>
                    {
                        options.UseSqlServer(configuration["ConnectionString"],
                            sqlServerOptionsAction: sqlOptions => { sqlOptions.EnableRetryOnFailure(maxRetryCount: 15); });
                    }, ServiceLifetime.Scoped);
                }
            }
            """,
            InventoryScanner.Analyzers.Tests.Stubs.Configuration);

        Assert.Equal(["INV4001 database sqlserver:127.0.0.1/OrderingDb low"], Describe(diagnostics));
    }

    [Fact]
    public async Task EntityFramework6Contexts_ShouldReadTheirConnectionStringFromWebConfig()
    {
        const string Ef6 = """
            namespace System.Data.Entity { public class DbContext { protected DbContext(string nameOrConnectionString) { } protected DbContext() { } } }
            """;
        const string WebConfig = """
            <configuration>
              <connectionStrings>
                <add name="BillingDb" connectionString="Data Source=sql-legacy;Initial Catalog=Billing;Integrated Security=SSPI" providerName="System.Data.SqlClient" />
              </connectionStrings>
            </configuration>
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Billing.Web/Web.config", WebConfig)],
            """
            class BillingContext : System.Data.Entity.DbContext { public BillingContext() : base("name=BillingDb") { } }
            class BillingByName : System.Data.Entity.DbContext { public BillingByName() : base("BillingDb") { } }
            class Conventional : System.Data.Entity.DbContext { public Conventional() : base("ReportsDb") { } }
            class Plain : System.Data.Entity.DbContext { public Plain() { } }
            class NotAContext : System.Exception { public NotAContext() : base("name=BillingDb") { } }
            """,
            Ef6);

        Assert.Equal(
            ["INV4001 database sqlserver:sql-legacy/Billing high", "INV4001 database sqlserver:sql-legacy/Billing high", "INV4001 database sqlserver:ReportsDb high"],
            Describe(diagnostics));
        Assert.Equal("ConnectionStrings:BillingDb", diagnostics[0].Properties[FindingProperties.ConfigKey]);
    }

    [Fact]
    public async Task ContextOfAMissingEntityFramework_ShouldStillBeFound_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            "class BillingContext : DbContext { public BillingContext() : base(\"Data Source=sql-legacy;Initial Catalog=Billing\") { } }");

        Assert.Equal(["INV4001 database sqlserver:sql-legacy/Billing low"], Describe(diagnostics));
    }

    [Fact]
    public async Task DatabaseFindings_ShouldNameTheContextTheyConfigure()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using Microsoft.EntityFrameworkCore;
            class OrderingContext : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlServer("Server=sql;Database=ordering");
            }
            static class Startup
            {
                public static void Configure(this object services)
                {
                    services.AddDbContext<CatalogContext>(options => options.UseNpgsql("Host=pg;Database=catalog"));
                    var plain = new Npgsql.NpgsqlConnection("Host=pg;Database=catalog");
                }
            }
            """,
            """
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContextOptionsBuilder { }
                public class DbContext { protected virtual void OnConfiguring(DbContextOptionsBuilder options) { } }
                public static class SqlServerDbContextOptionsExtensions { public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder b, string c) => b; }
            }
            namespace Npgsql { public sealed class NpgsqlConnection { public NpgsqlConnection(string c) { } } }
            """);

        Assert.Equal(
            ["sqlserver:sql/ordering OrderingContext", "postgres:pg/catalog CatalogContext", "postgres:pg/catalog -"],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.DbContext) ?? "-"}"));
    }

    [Fact]
    public async Task LookAlikes_ShouldNotBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            class Connection { public Connection(string s) { } }
            class Sql { public static Sql Connect(string s) => null!; }
            class App
            {
                void Run()
                {
                    var text = "Server=db;Database=orders";      // a connection string that reaches no connection
                    var own = new Connection(text);             // the application's own type
                    var other = Sql.Connect(text);              // a Connect on the application's own type
                    var builder = new System.Text.StringBuilder("Host=pg;Database=x");
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task ConnectionStringsOfTheApplicationsSettingsObject_ShouldNameTheSetting_AsTheComponentsOwnUnknown()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new DataStoreAnalyzer(), """
            public class GlobalSettings { public virtual SqlSettings SqlServer { get; set; } = new(); }
            public class SqlSettings { public string ConnectionString { get; set; } = ""; public string Password { get; set; } = ""; }
            class Jobs
            {
                void Run(GlobalSettings globalSettings) => new Npgsql.NpgsqlConnection(globalSettings.SqlServer.ConnectionString);
                void Wrong(GlobalSettings globalSettings) => new Npgsql.NpgsqlConnection(globalSettings.SqlServer.Password);
            }
            """, Stubs);

        // A setting that holds a credential names no store (an SES client is given its AccessKeyId first).
        Assert.Equal(
            ["INV4001 database postgres:{settings:GlobalSettings.SqlServer.ConnectionString} high", "INV4001 database postgres:unresolved high"],
            Describe(diagnostics));
    }
}

public sealed class DataStoreCatalogueTests
{
    private const string Key = "Sg.Contoso-Key_2024";

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Kind]} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Confidence]}").ToArray();

    private const string DocumentStubs = """
        namespace MongoDB.Driver
        {
            public interface IMongoCollection<T> { }
            public interface IMongoDatabase { IMongoCollection<T> GetCollection<T>(string name); }
            public interface IMongoClient { IMongoDatabase GetDatabase(string name); }
            public sealed class MongoClient : IMongoClient { public MongoClient(string url) { } public IMongoDatabase GetDatabase(string name) => null!; }
        }
        namespace Amazon.DynamoDBv2 { public sealed class AmazonDynamoDBClient { public AmazonDynamoDBClient() { } } }
        namespace Azure.Data.Tables { public sealed class TableClient { public TableClient(string connectionString, string tableName) { } } }
        namespace Nest
        {
            public sealed class ConnectionSettings { public ConnectionSettings(System.Uri uri) { } }
            public sealed class ElasticClient { public ElasticClient(ConnectionSettings settings) { } }
        }
        namespace Cassandra
        {
            public sealed class Builder { public Builder AddContactPoint(string address) => this; public object Build() => null!; }
            public static class Cluster { public static Builder Builder() => new Builder(); }
        }
        """;

    [Fact]
    public async Task DocumentTableSearchAndWideColumnStores_ShouldNameTheDatabaseAndTheCollection()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using MongoDB.Driver;
            class Catalog
            {
                private readonly IMongoDatabase _shop;
                public Catalog(IMongoClient client) { _shop = client.GetDatabase("shop"); }
                IMongoCollection<Cart> Carts => _shop.GetCollection<Cart>("carts");
                void Open(IMongoClient client)
                {
                    var orders = client.GetDatabase("sales").GetCollection<Order>("orders");
                    var mongo = new MongoClient("mongodb://mongo:27017");
                    var dynamo = new Amazon.DynamoDBv2.AmazonDynamoDBClient();
                    var audit = new Azure.Data.Tables.TableClient("DefaultEndpointsProtocol=https;AccountName=contosoaudit;AccountKey=k", "audit");
                    var search = new Nest.ElasticClient(new Nest.ConnectionSettings(new System.Uri("http://search.internal:9200")));
                    var cluster = Cassandra.Cluster.Builder().AddContactPoint("cassandra-1").Build();
                }
            }
            class Cart { }
            class Order { }
            """,
            DocumentStubs);

        Assert.Equal(
            [
                "INV4001 database mongodb:shop high",
                "INV4001 database mongodb:shop/carts high",
                "INV4001 database mongodb:sales/orders high",
                "INV4001 database mongodb:mongo high",
                "INV4001 database dynamodb:unresolved high",
                "INV4001 database azure-table:contosoaudit/audit high",
                "INV4001 database elasticsearch:search.internal high",
                "INV4001 database cassandra:cassandra-1 high",
            ],
            Describe(diagnostics));
        // The client names the server; GetDatabase names the stores on it.
        Assert.Equal(
            ["mongodb:mongo"],
            diagnostics.Where(d => d.Properties.GetValueOrDefault(FindingProperties.StoreScope) == "server").Select(d => d.Properties[FindingProperties.Target]));
    }

    [Fact]
    public async Task DocumentStoresWithoutTheirPackages_ShouldStillBeFound_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            class Catalog
            {
                void Open(IMongoClient client)
                {
                    var orders = client.GetDatabase("sales").GetCollection<Order>("orders");
                    var audit = new TableClient("UseDevelopmentStorage=true", "audit");
                    var search = new ElasticsearchClient(new System.Uri("https://search.example.com"));
                }
            }
            class Order { }
            """);

        Assert.Equal(
            [
                "INV4001 database mongodb:sales/orders low",
                "INV4001 database azure-table:devstoreaccount1/audit low",
                "INV4001 database elasticsearch:search.example.com low",
            ],
            Describe(diagnostics));
    }

    private const string CacheStubs = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public interface ISignalRServerBuilder { }
            public sealed class RedisCacheOptions { public string Configuration { get; set; } = ""; public string InstanceName { get; set; } = ""; }
            public sealed class SqlServerCacheOptions { public string ConnectionString { get; set; } = ""; public string TableName { get; set; } = ""; }
            public static class StackExchangeRedisCacheServiceCollectionExtensions
            {
                public static IServiceCollection AddStackExchangeRedisCache(this IServiceCollection services, System.Action<RedisCacheOptions> setup) => services;
            }
            public static class SqlServerCachingServicesExtensions
            {
                public static IServiceCollection AddDistributedSqlServerCache(this IServiceCollection services, System.Action<SqlServerCacheOptions> setup) => services;
            }
            public static class StackExchangeRedisDependencyInjectionExtensions
            {
                public static ISignalRServerBuilder AddStackExchangeRedis(this ISignalRServerBuilder builder, string redisConnectionString) => builder;
            }
        }
        namespace Microsoft.Extensions.Caching.Memory { public interface IMemoryCache { } }
        """;

    [Fact]
    public async Task DistributedCachesAndTheSignalRBackplane_ShouldNameTheirServer()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Web/appsettings.json", """{ "Redis": "cache.internal:6379,password=x" }""")],
            """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            static class Startup
            {
                static void Configure(IServiceCollection services, ISignalRServerBuilder signalR, IConfiguration configuration)
                {
                    services.AddStackExchangeRedisCache(o => { o.Configuration = configuration["Redis"]; o.InstanceName = "web"; });
                    services.AddDistributedSqlServerCache(o => o.ConnectionString = "Server=sql-cache;Database=Cache");
                    signalR.AddStackExchangeRedis("backplane:6379");
                    Microsoft.Extensions.Caching.Memory.IMemoryCache local = null!;
                }
            }
            """,
            CacheStubs,
            InventoryScanner.Analyzers.Tests.Stubs.Configuration);

        Assert.Equal(
            ["INV4002 cache redis:cache.internal high", "INV4002 cache sqlserver:sql-cache/Cache high", "INV4002 cache redis:backplane high"],
            Describe(diagnostics));
        Assert.Equal(["distributed-cache", "distributed-cache", "signalr-backplane"], diagnostics.Select(d => d.Properties[FindingProperties.StoreUse]));
    }

    [Fact]
    public async Task CacheRegistrationsWithoutTheirPackages_ShouldStillBeFound_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            static class Startup
            {
                static void Configure(object services) => services.AddStackExchangeRedisCache(options => options.Configuration = "redis:6379");
            }
            """);

        Assert.Equal(["INV4002 cache redis:redis low"], Describe(diagnostics));
    }

    private const string StorageAndMailStubs = """
        namespace Azure.Storage.Blobs { public sealed class BlobClient { public BlobClient(string connectionString, string blobContainerName, string blobName) { } } }
        namespace Azure.Storage.Files.Shares { public sealed class ShareClient { public ShareClient(string connectionString, string shareName) { } } }
        namespace Amazon.S3.Transfer { public sealed class TransferUtility { public TransferUtility() { } } }
        namespace FluentFTP { public sealed class FtpClient { public FtpClient(string host, string user, string pass) { } } }
        namespace Renci.SshNet { public sealed class SftpClient { public SftpClient(string host, int port, string username, string password) { } } }
        namespace Google.Cloud.Storage.V1 { public abstract class StorageClient { public static StorageClient Create() => null!; } }
        namespace PostmarkDotNet { public sealed class PostmarkClient { public PostmarkClient(string serverToken) { } } }
        namespace Azure.Communication.Email { public sealed class EmailClient { public EmailClient(string connectionString) { } } }
        namespace System.Net.Mail { public sealed class SmtpClient { public SmtpClient() { } public SmtpClient(string host) { } public string Host { get; set; } = ""; public bool EnableSsl { get; set; } } }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public sealed class FluentEmailServicesBuilder { }
            public static class FluentEmailSmtpBuilderExtensions
            {
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, string host, int port) => builder;
            }
        }
        """;

    [Fact]
    public async Task StorageAndMailClients_ShouldNameTheAccountTheShareAndTheServer()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            $$"""
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            class Outbox
            {
                void Send(Microsoft.Extensions.DependencyInjection.FluentEmailServicesBuilder email)
                {
                    var invoice = new Azure.Storage.Blobs.BlobClient("DefaultEndpointsProtocol=https;AccountName=contosodocs;AccountKey=k", "invoices", "2024/01.pdf");
                    var share = new Azure.Storage.Files.Shares.ShareClient("DefaultEndpointsProtocol=https;AccountName=contosofiles;AccountKey=k", "exports");
                    var transfer = new Amazon.S3.Transfer.TransferUtility();
                    var ftp = new FluentFTP.FtpClient("ftp.partner.example", "user", "{{Key}}");
                    var sftp = new Renci.SshNet.SftpClient("sftp.partner.example", 22, "user", "{{Key}}");
                    var gcs = Google.Cloud.Storage.V1.StorageClient.Create();
                    var postmark = new PostmarkDotNet.PostmarkClient("{{Key}}");
                    var acs = new Azure.Communication.Email.EmailClient("endpoint=https://contoso.communication.azure.com/;accesskey={{Key}}");
                    var initialised = new SmtpClient { Host = "smtp.initialised.example", EnableSsl = true };
                    var assigned = new SmtpClient();
                    assigned.Host = "smtp.assigned.example";
                    email.AddSmtpSender("smtp.fluent.example", 587);
                }
            }
            """,
            StorageAndMailStubs);

        Assert.Equal(
            [
                "INV4003 blob-storage azure-blob:contosodocs/invoices high",
                "INV4003 blob-storage azure-files:contosofiles/exports high",
                "INV4003 blob-storage s3:unresolved high",
                "INV4003 blob-storage ftp:ftp.partner.example high",
                "INV4003 blob-storage sftp:sftp.partner.example high",
                "INV4003 blob-storage gcs:unresolved high",
                "INV4004 smtp postmark:api high",
                "INV4004 smtp azure-communication:contoso.communication.azure.com high",
                "INV4004 smtp smtp:smtp.initialised.example high",
                "INV4004 smtp smtp:smtp.assigned.example high",
                "INV4004 smtp smtp:smtp.fluent.example high",
            ],
            Describe(diagnostics));
        Assert.All(diagnostics, d => Assert.All(d.Properties.Values, v => Assert.DoesNotContain(Key, v ?? "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SmtpClientWithoutAHost_ShouldReadTheMailSettingsOfWebConfig()
    {
        const string WebConfig = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="noreply@contoso.example" deliveryMethod="Network">
                    <network host="mail.contoso.example" port="587" enableSsl="true" userName="noreply" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Shop.Web/Web.config", WebConfig)],
            "class Mailer { void Send() { var smtp = new System.Net.Mail.SmtpClient(); } }",
            StorageAndMailStubs);

        var mail = Assert.Single(diagnostics);
        Assert.Equal("smtp:mail.contoso.example", mail.Properties[FindingProperties.Target]);
        Assert.Equal(InventoryScanner.Analyzers.Configuration.MailSettingsKeys.Host, mail.Properties[FindingProperties.ConfigKey]);
    }

    private const string LegacyStubs = """
        namespace System.Configuration
        {
            public sealed class ConnectionStringSettings { public string ConnectionString { get; set; } = ""; }
            public sealed class ConnectionStringSettingsCollection { public ConnectionStringSettings this[string name] => null!; }
            public static class ConfigurationManager { public static ConnectionStringSettingsCollection ConnectionStrings => null!; }
        }
        namespace System.Data.SqlClient { public sealed class SqlConnection { public SqlConnection() { } public SqlConnection(string cs) { } public string ConnectionString { get; set; } = ""; } }
        namespace Microsoft.Practices.EnterpriseLibrary.Data { public static class DatabaseFactory { public static object CreateDatabase(string name) => null!; } }
        namespace Microsoft.ApplicationBlocks.Data
        {
            public static class SqlHelper
            {
                public static int ExecuteNonQuery(string connectionString, string commandText) => 0;
                public static int ExecuteNonQuery(System.Data.SqlClient.SqlConnection connection, string commandText) => 0;
            }
        }
        namespace Microsoft.WindowsAzure.Storage { public sealed class CloudStorageAccount { public static CloudStorageAccount Parse(string connectionString) => null!; } }
        """;

    [Fact]
    public async Task LegacyDataAccess_ShouldReadTheConnectionStringsOfWebConfig()
    {
        const string WebConfig = """
            <configuration>
              <connectionStrings>
                <add name="Catalog" connectionString="Server=sql-legacy;Initial Catalog=Catalog;Integrated Security=True" providerName="System.Data.SqlClient" />
                <add name="Orders" connectionString="Data Source=sql-orders;Initial Catalog=Orders;Integrated Security=True" providerName="System.Data.SqlClient" />
              </connectionStrings>
            </configuration>
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Shop.Web/Web.config", WebConfig)],
            """
            using System.Configuration;
            using System.Data.SqlClient;
            class Repository
            {
                SqlConnection Create() => new SqlConnection { ConnectionString = ConfigurationManager.ConnectionStrings["Catalog"].ConnectionString };
                void Legacy()
                {
                    var connection = new SqlConnection();
                    connection.ConnectionString = ConfigurationManager.ConnectionStrings["Orders"].ConnectionString;
                    var database = Microsoft.Practices.EnterpriseLibrary.Data.DatabaseFactory.CreateDatabase("Orders");
                    Microsoft.ApplicationBlocks.Data.SqlHelper.ExecuteNonQuery("Server=sql-helper;Database=Audit", "delete from Log");
                    Microsoft.ApplicationBlocks.Data.SqlHelper.ExecuteNonQuery(connection, "delete from Log");
                    var account = Microsoft.WindowsAzure.Storage.CloudStorageAccount.Parse("DefaultEndpointsProtocol=https;AccountName=legacyimages;AccountKey=k");
                }
            }
            """,
            LegacyStubs);

        Assert.Equal(
            [
                "INV4001 database sqlserver:sql-legacy/Catalog high",
                "INV4001 database sqlserver:sql-orders/Orders high",
                "INV4001 database sqlserver:sql-orders/Orders high",
                "INV4001 database sqlserver:sql-helper/Audit high",
                "INV4003 blob-storage azure-storage:legacyimages high",
            ],
            Describe(diagnostics));
    }

    [Fact]
    public async Task ProviderCallInsideAnAspireRegistration_ShouldBeThatRegistrations()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using Microsoft.Extensions.Hosting;
            using Microsoft.EntityFrameworkCore;
            class CatalogContext { }
            static class Program
            {
                static void Configure(IHostApplicationBuilder builder) =>
                    builder.AddNpgsqlDbContext<CatalogContext>("catalogdb", configureDbContextOptions: options => options.UseNpgsql(npgsql => npgsql.UseVector()));
            }
            """,
            """
            namespace Microsoft.Extensions.Hosting
            {
                public interface IHostApplicationBuilder { }
                public static class AspireEFPostgreSqlExtensions
                {
                    public static void AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName, System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? configureDbContextOptions = null) { }
                }
            }
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContextOptionsBuilder { }
                public sealed class NpgsqlDbContextOptionsBuilder { public NpgsqlDbContextOptionsBuilder UseVector() => this; }
                public static class NpgsqlDbContextOptionsBuilderExtensions
                {
                    public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder builder, System.Action<NpgsqlDbContextOptionsBuilder>? options = null) => builder;
                }
            }
            """);

        Assert.Equal(["INV4001 database postgres:catalogdb high"], Describe(diagnostics));
    }

    [Fact]
    public async Task ConnectionStringOfAnUnresolvedConfiguration_ShouldStillNameItsKey()
    {
        // Microsoft.Extensions.Hosting did not restore: builder.Configuration does not bind, the provider does.
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using Microsoft.EntityFrameworkCore;
            static class Extensions
            {
                public static void AddApplicationServices(this IHostApplicationBuilder builder, DbContextOptionsBuilder options)
                {
                    options.UseNpgsql(builder.Configuration.GetConnectionString("orderingdb"));
                }
            }
            """,
            """
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContextOptionsBuilder { }
                public static class NpgsqlDbContextOptionsBuilderExtensions { public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder b, string c) => b; }
            }
            """);

        Assert.Equal("INV4001 database postgres:{config:ConnectionStrings:orderingdb} low", Assert.Single(Describe(diagnostics)));
    }

    [Fact]
    public async Task ConfigurationOfAnUnresolvedBuilder_ShouldStillNameItsKey()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Identity/appsettings.json", """{ "ConnectionString": "Server=tcp:127.0.0.1,5433;Database=IdentityDb;Integrated Security=true" }""")],
            """
            static class ProgramExtensions
            {
                public static void AddCustomDatabase(this WebApplicationBuilder builder) =>
                    builder.Services.AddDbContext<ApplicationDbContext>(options => options.UseSqlServer(builder.Configuration["ConnectionString"]));
                public static void Other(this WebApplicationBuilder builder) => new SqlConnection(builder.Settings["ConnectionString"]);
            }
            """);

        Assert.Equal(["INV4001 database sqlserver:127.0.0.1/IdentityDb low", "INV4001 database sqlserver:unresolved low"], Describe(diagnostics));
    }

    [Fact]
    public async Task GetConnectionString_ShouldBeRead_WhenTwoAssembliesDeclareConfigurationExtensions()
    {
        // ASP.NET Core's shared framework: the Abstractions' ConfigurationExtensions (GetConnectionString) and
        // Microsoft.Extensions.Configuration's own class of the same name.
        const string Abstractions = """
            namespace Microsoft.Extensions.Configuration
            {
                public interface IConfiguration { string this[string key] { get; } }
                public static class ConfigurationExtensions { public static string GetConnectionString(this IConfiguration configuration, string name) => null!; }
            }
            """;
        const string Configuration = """
            namespace Microsoft.Extensions.Configuration { public static class ConfigurationExtensions { public static void Add(this object builder) { } } }
            """;
        const string Npgsql = """
            namespace Npgsql { public sealed class NpgsqlConnection { public NpgsqlConnection(string connectionString) { } } }
            """;
        var diagnostics = await AnalyzerRunner.RunWithLibrariesAsync(
            new DataStoreAnalyzer(),
            [("Microsoft.Extensions.Configuration.Abstractions", Abstractions), ("Microsoft.Extensions.Configuration", Configuration), ("Npgsql", Npgsql)],
            """
            using Microsoft.Extensions.Configuration;
            class Orders
            {
                Npgsql.NpgsqlConnection Open(IConfiguration configuration) => new Npgsql.NpgsqlConnection(configuration.GetConnectionString("orderingdb"));
            }
            """);

        Assert.Equal("INV4001 database postgres:{config:ConnectionStrings:orderingdb} high", Assert.Single(Describe(diagnostics)));
    }

    [Fact]
    public async Task DesignTimeFactory_ShouldBeMarked_RestoredOrNot()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using Microsoft.EntityFrameworkCore;
            class CatalogContextDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<CatalogContext>
            {
                public CatalogContext CreateDbContext(string[] args) { new DbContextOptionsBuilder().UseSqlServer("Server=.;Initial Catalog=Catalog"); return null!; }
            }
            class OrderingDesignFactory : IDesignTimeDbContextFactory<OrderingContext>
            {
                public OrderingContext CreateDbContext(string[] args) { new DbContextOptionsBuilder().UseSqlServer("Server=.;Initial Catalog=Ordering"); return null!; }
            }
            class Runtime { void Open(DbContextOptionsBuilder options) => options.UseSqlServer("Server=sql;Initial Catalog=Catalog"); }
            class CatalogContext { }
            """,
            """
            namespace Microsoft.EntityFrameworkCore.Design { public interface IDesignTimeDbContextFactory<T> { T CreateDbContext(string[] args); } }
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContextOptionsBuilder { }
                public static class SqlServerDbContextOptionsExtensions { public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder b, string c) => b; }
            }
            """);

        Assert.Equal(
            ["sqlserver:./Catalog true", "sqlserver:./Ordering true", "sqlserver:sql/Catalog -"],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.DesignTime) ?? "-"}"));
    }

    [Fact]
    public async Task LegacyShapesWithoutTheirPackages_ShouldKeepTheirTargetsAndTheirLibrary()
    {
        const string AppConfig = """
            <configuration>
              <connectionStrings>
                <add name="Billing" connectionString="Data Source=sql-billing;Initial Catalog=Billing;Integrated Security=SSPI" />
                <add name="Reports" connectionString="Provider=Microsoft.ACE.OLEDB.12.0;Data Source=reports.accdb" />
              </connectionStrings>
            </configuration>
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Billing/app.config", AppConfig)],
            """
            using Microsoft.Data.SqlClient;
            static class Stores
            {
                static SqlConnection Initialised() => new SqlConnection { ConnectionString = ConfigurationManager.ConnectionStrings["Billing"].ConnectionString };
                static void Assigned()
                {
                    using (var connection = new SqlConnection())
                    {
                        connection.ConnectionString = ConfigurationManager.ConnectionStrings["Billing"].ConnectionString;
                    }
                }
                static OleDbConnection Reports() => new(ConfigurationManager.ConnectionStrings["Reports"].ConnectionString);
                static void Mail() { using var smtp = new SmtpClient(); smtp.Connect("smtp.example", 587); }   // MailKit's, unresolved: its Connect is the connection
            }
            class PaymentsTableAdapter
            {
                private global::System.Data.SqlClient.SqlConnection _connection;
                private void InitConnection()
                {
                    this._connection = new global::System.Data.SqlClient.SqlConnection();
                    this._connection.ConnectionString = global::System.Configuration.ConfigurationManager.ConnectionStrings["Billing"].ConnectionString;
                }
            }
            """);

        Assert.Equal(
            [
                "INV4001 database sqlserver:sql-billing/Billing low Microsoft.Data.SqlClient",
                "INV4001 database sqlserver:sql-billing/Billing low Microsoft.Data.SqlClient",
                "INV4001 database oledb:reports.accdb low System.Data.OleDb",
                "INV4004 smtp smtp:smtp.example low MailKit",
                "INV4001 database sqlserver:sql-billing/Billing low System.Data.SqlClient",
            ],
            diagnostics.Select(d => Describe([d])[0] + " " + d.Properties[FindingProperties.Library]));
    }

    [Fact]
    public async Task DesignerGeneratedDataAccess_ShouldBeFound_ThroughItsConfiguration()
    {
        // An .edmx's context, a .dbml's DataContext and a typed DataSet's TableAdapter, as their designers write them.
        const string WebConfig = """
            <configuration>
              <connectionStrings>
                <add name="ShopEntities" connectionString="metadata=res://*/Shop.csdl|res://*/Shop.ssdl|res://*/Shop.msl;provider=System.Data.SqlClient;provider connection string=&quot;data source=sql-shop;initial catalog=Shop;integrated security=True;MultipleActiveResultSets=True;App=EntityFramework&quot;" providerName="System.Data.EntityClient" />
                <add name="NorthwindConnectionString" connectionString="Data Source=sql-north;Initial Catalog=Northwind;Integrated Security=True" providerName="System.Data.SqlClient" />
              </connectionStrings>
            </configuration>
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Shop.Web/Web.config", WebConfig)],
            """
            //------------------------------------------------------------------------------
            // <auto-generated>
            //     This code was generated from a template.
            // </auto-generated>
            //------------------------------------------------------------------------------
            namespace Shop.Web.Models
            {
                public partial class ShopEntities : System.Data.Entity.DbContext
                {
                    public ShopEntities() : base("name=ShopEntities") { }
                }

                public partial class NorthwindDataContext : System.Data.Linq.DataContext
                {
                    public NorthwindDataContext() : base(global::System.Configuration.ConfigurationManager.ConnectionStrings["NorthwindConnectionString"].ConnectionString) { }
                }

                public partial class CustomersTableAdapter
                {
                    private System.Data.SqlClient.SqlConnection _connection;
                    private void InitConnection()
                    {
                        this._connection = new global::System.Data.SqlClient.SqlConnection();
                        this._connection.ConnectionString = global::System.Configuration.ConfigurationManager.ConnectionStrings["NorthwindConnectionString"].ConnectionString;
                    }
                }
            }
            """,
            """
            namespace System.Data.Entity { public class DbContext { protected DbContext(string nameOrConnectionString) { } } }
            namespace System.Data.Linq { public class DataContext { public DataContext(string connection) { } } }
            namespace System.Data.SqlClient { public sealed class SqlConnection { public string ConnectionString { get; set; } = ""; } }
            namespace System.Configuration
            {
                public sealed class ConnectionStringSettings { public string ConnectionString { get; set; } = ""; }
                public sealed class ConnectionStringSettingsCollection { public ConnectionStringSettings this[string name] => null!; }
                public static class ConfigurationManager { public static ConnectionStringSettingsCollection ConnectionStrings => null!; }
            }
            """);

        Assert.Equal(
            ["INV4001 database sqlserver:sql-shop/Shop high", "INV4001 database sqlserver:sql-north/Northwind high", "INV4001 database sqlserver:sql-north/Northwind high"],
            Describe(diagnostics));
    }

    [Fact]
    public async Task S3Calls_ShouldNameTheirBucket_WhenItResolves()
    {
        const string S3 = """
            namespace Amazon.S3
            {
                public interface IAmazonS3
                {
                    System.Threading.Tasks.Task<object> PutObjectAsync(Model.PutObjectRequest request);
                    System.Threading.Tasks.Task<object> GetObjectAsync(string bucketName, string key);
                    System.Threading.Tasks.Task<object> DeleteObjectAsync(string bucketName, string key);
                }
                namespace Model { public sealed class PutObjectRequest { public string BucketName { get; set; } = ""; public string Key { get; set; } = ""; } }
                namespace Transfer
                {
                    public interface ITransferUtility { System.Threading.Tasks.Task UploadAsync(string filePath, string bucketName); }
                    public sealed class TransferUtility : ITransferUtility { public System.Threading.Tasks.Task UploadAsync(string filePath, string bucketName) => null!; }
                }
            }
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Docs/appsettings.json", """{ "Storage": { "Bucket": "contoso-archive" } }""")],
            """
            using Amazon.S3;
            using Amazon.S3.Model;
            using Microsoft.Extensions.Configuration;
            class Archive(IAmazonS3 s3, Amazon.S3.Transfer.TransferUtility transfer, IConfiguration configuration)
            {
                private const string Invoices = "contoso-invoices";
                async System.Threading.Tasks.Task Run(string key, string anyBucket)
                {
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = Invoices, Key = key });
                    var request = new PutObjectRequest { BucketName = configuration["Storage:Bucket"], Key = key };
                    await s3.PutObjectAsync(request);
                    await s3.GetObjectAsync("contoso-reports", key);
                    await s3.DeleteObjectAsync(anyBucket, key);
                    await transfer.UploadAsync("/tmp/file", Invoices);
                }
            }
            """,
            S3,
            InventoryScanner.Analyzers.Tests.Stubs.Configuration);

        Assert.Equal(
            [
                "INV4003 blob-storage s3:contoso-invoices high",
                "INV4003 blob-storage s3:contoso-archive high",
                "INV4003 blob-storage s3:contoso-reports high",
                "INV4003 blob-storage s3:contoso-invoices high",
            ],
            Describe(diagnostics));
        var unbound = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            class Archive(IAmazonS3 s3)
            {
                System.Threading.Tasks.Task Run(string key) => s3.PutObjectAsync(new PutObjectRequest { BucketName = "contoso-invoices", Key = key });
            }
            """);
        Assert.Equal(["INV4003 blob-storage s3:contoso-invoices low"], Describe(unbound));
        Assert.Equal(("configuration", "Storage:Bucket", "appsettings.json=contoso-archive"), (diagnostics[1].Properties[FindingProperties.TargetSource], diagnostics[1].Properties[FindingProperties.ConfigKey], diagnostics[1].Properties[FindingProperties.ConfigValues]));
    }

    [Fact]
    public async Task ProviderFactoryConnections_ShouldNameTheProvidersStore()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using System.Data.Common;
            class Repository
            {
                private const string Provider = "System.Data.SqlClient";
                DbConnection Open()
                {
                    var factory = DbProviderFactories.GetFactory(Provider);
                    var connection = factory.CreateConnection();
                    connection.ConnectionString = "Data Source=sql-agnostic;Initial Catalog=Ledger;Integrated Security=SSPI";
                    return connection;
                }
                DbConnection Unknown(DbProviderFactory factory) => factory.CreateConnection();
            }
            """,
            """
            namespace System.Data.Common
            {
                public abstract class DbConnection { public string ConnectionString { get; set; } = ""; }
                public abstract class DbProviderFactory { public virtual DbConnection CreateConnection() => null!; }
                public static class DbProviderFactories { public static DbProviderFactory GetFactory(string providerInvariantName) => null!; }
            }
            """);

        Assert.Equal(["INV4001 database sqlserver:sql-agnostic/Ledger high", "INV4001 database db:unresolved high"], Describe(diagnostics));
    }

    [Theory]
    [InlineData("RegionEndpoint.EUWest1", "ses:eu-west-1")]
    [InlineData("Amazon.RegionEndpoint.APSoutheast2", "ses:ap-southeast-2")]
    [InlineData("RegionEndpoint.USGovCloudWest1", "ses:us-gov-west-1")]
    [InlineData("RegionEndpoint.GetBySystemName(\"eu-central-1\")", "ses:eu-central-1")]
    public async Task AmazonSes_ShouldBeNamedByItsRegion(string region, string target)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            $"using Amazon; class Mailer {{ void Send() {{ var ses = new Amazon.SimpleEmail.AmazonSimpleEmailServiceClient({region}); var s3 = new Amazon.S3.AmazonS3Client({region}); }} }}",
            """
            namespace Amazon
            {
                public sealed class RegionEndpoint
                {
                    public static readonly RegionEndpoint EUWest1 = new(), APSoutheast2 = new(), USGovCloudWest1 = new();
                    public static RegionEndpoint GetBySystemName(string name) => new();
                }
            }
            namespace Amazon.SimpleEmail { public sealed class AmazonSimpleEmailServiceClient { public AmazonSimpleEmailServiceClient(Amazon.RegionEndpoint region) { } } }
            namespace Amazon.S3 { public sealed class AmazonS3Client { public AmazonS3Client(Amazon.RegionEndpoint region) { } } }
            """);

        Assert.Equal([target, "s3:unresolved"], diagnostics.Select(d => d.Properties[FindingProperties.Target]));
    }

    [Fact]
    public async Task AmazonSes_GivenItsAccessKeyIdFirst_ShouldStillBeNamedByItsRegion()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using Amazon;
            public class AwsSettings { public string AccessKeyId { get; set; } = ""; public string AccessKeySecret { get; set; } = ""; }
            class Mailer
            {
                void Send(AwsSettings aws) => new Amazon.SimpleEmail.AmazonSimpleEmailServiceClient(aws.AccessKeyId, aws.AccessKeySecret, RegionEndpoint.EUWest1);
            }
            """,
            """
            namespace Amazon { public sealed class RegionEndpoint { public static readonly RegionEndpoint EUWest1 = new(); } }
            namespace Amazon.SimpleEmail
            {
                public sealed class AmazonSimpleEmailServiceClient { public AmazonSimpleEmailServiceClient(string awsAccessKeyId, string awsSecretAccessKey, Amazon.RegionEndpoint region) { } }
            }
            """);

        Assert.Equal("ses:eu-west-1", Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.MailSent).Properties[FindingProperties.Target]);
    }

    [Fact]
    public async Task LookAlikesOfTheNewStores_ShouldNotBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            namespace Shop
            {
                class TableClient { public TableClient(string cs, string name) { } }
                class Registry { public object GetDatabase(string name) => null!; public object GetCollection<T>(string name) => null!; }
                static class SqlHelper { public static int ExecuteNonQuery(string cs, string sql) => 0; }
                class App
                {
                    void Run(Registry registry)
                    {
                        var table = new TableClient("UseDevelopmentStorage=true", "audit");   // the application's own type
                        var database = registry.GetDatabase("shop");                           // a GetDatabase of its own
                        var collection = registry.GetCollection<App>("apps");
                        SqlHelper.ExecuteNonQuery("Server=db;Database=x", "select 1");         // its own helper, not the Application Block
                    }
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}
