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
}
