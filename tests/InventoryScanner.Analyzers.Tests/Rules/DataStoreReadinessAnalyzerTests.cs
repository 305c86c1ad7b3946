using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class DataStoreReadinessAnalyzerTests
{
    private const string Stubs = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext { public Infrastructure.DatabaseFacade Database => null!; }
            public class DbContextOptionsBuilder { }
            public static class RelationalDatabaseFacadeExtensions { public static void Migrate(this Infrastructure.DatabaseFacade database) { } }
            public static class InMemoryDbContextOptionsExtensions { public static DbContextOptionsBuilder UseInMemoryDatabase(this DbContextOptionsBuilder b, string name) => b; }
            public sealed class DbContextAttribute : System.Attribute { public DbContextAttribute(System.Type contextType) { } }
            namespace Infrastructure
            {
                public sealed class DatabaseFacade { }
                public abstract class ModelSnapshot { }
                public sealed class SqlServerDbContextOptionsBuilder { public SqlServerDbContextOptionsBuilder EnableRetryOnFailure(int maxRetryCount) => this; }
            }
        }
        namespace Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure
        {
            public sealed class NpgsqlDbContextOptionsBuilder { public NpgsqlDbContextOptionsBuilder EnableRetryOnFailure() => this; }
        }
        namespace System.Net.Mail { public sealed class SmtpClient { public bool EnableSsl { get; set; } } }
        namespace MailKit.Security { public enum SecureSocketOptions { None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable } }
        namespace MailKit.Net.Smtp
        {
            public sealed class SmtpClient
            {
                public void Connect(string host, int port, MailKit.Security.SecureSocketOptions options) { }
                public void Connect(string host, int port, bool useSsl) { }
            }
        }
        namespace StackExchange.Redis { public sealed class ConfigurationOptions { public bool AbortOnConnectFail { get; set; } } }
        """;

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Library]} {d.Properties[FindingProperties.Confidence]}").ToArray();

    private const string PollyStubs = """
        namespace Polly
        {
            public class PolicyBuilder { public PolicyBuilder Or<TException>() where TException : System.Exception => this; public object WaitAndRetry(int count) => null!; }
            public static class Policy { public static PolicyBuilder Handle<TException>() where TException : System.Exception => new PolicyBuilder(); }
        }
        namespace Microsoft.Data.SqlClient { public sealed class SqlException : System.Data.Common.DbException { } }
        namespace Npgsql { public sealed class NpgsqlException : System.Data.Common.DbException { } }
        namespace Contoso.Data { public sealed class LedgerDbException : System.Data.Common.DbException { } }
        """;

    [Fact]
    public async Task RetryPoliciesOfAStoresFailures_ShouldBeRetryFacts_NamingTheStore()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreReadinessAnalyzer(),
            """
            using Polly;
            class Resilience
            {
                object Sql() => Policy.Handle<Microsoft.Data.SqlClient.SqlException>().Or<Npgsql.NpgsqlException>().WaitAndRetry(3);
                object Ledger() => Policy.Handle<Contoso.Data.LedgerDbException>().WaitAndRetry(3);
                object Http() => Policy.Handle<System.Net.Http.HttpRequestException>().Or<System.TimeoutException>().WaitAndRetry(3);
            }
            class OwnPolicy { public static OwnPolicy Handle<T>() => null!; }
            class Lookalike { object M() => OwnPolicy.Handle<Microsoft.Data.SqlClient.SqlException>(); }
            """,
            PollyStubs);

        Assert.Equal(
            ["retry-on-failure Polly high store=postgres", "retry-on-failure Polly high store=sqlserver", "retry-on-failure Polly high store=-"],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Library]} {d.Properties[FindingProperties.Confidence]} store={d.Properties[FindingProperties.Store] ?? "-"}"));

        // Without Polly's package: on Policy.Handle<…>() by name, with low confidence.
        var unbound = await AnalyzerRunner.RunAsync(new DataStoreReadinessAnalyzer(), "class R { object M() => Policy.Handle<SqlException>().WaitAndRetry(3); }");
        Assert.Equal(["retry-on-failure Polly low"], Describe(unbound));
    }

    [Fact]
    public async Task ReadinessSettings_ShouldBeReported_EachByItsLibrary()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreReadinessAnalyzer(),
            """
            using Microsoft.EntityFrameworkCore;
            class Startup
            {
                void Configure(Microsoft.EntityFrameworkCore.Infrastructure.SqlServerDbContextOptionsBuilder sql, Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder pg, DbContext context, DbContextOptionsBuilder tests)
                {
                    sql.EnableRetryOnFailure(maxRetryCount: 5);
                    pg.EnableRetryOnFailure();
                    context.Database.Migrate();
                    tests.UseInMemoryDatabase("orders-tests");
                    var smtp = new System.Net.Mail.SmtpClient { EnableSsl = true };
                    var plain = new System.Net.Mail.SmtpClient();
                    plain.EnableSsl = false;
                    new MailKit.Net.Smtp.SmtpClient().Connect("smtp.example", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    new MailKit.Net.Smtp.SmtpClient().Connect("smtp.example", 25, MailKit.Security.SecureSocketOptions.None);
                    new MailKit.Net.Smtp.SmtpClient().Connect("smtp.example", 465, useSsl: true);
                    var redis = new StackExchange.Redis.ConfigurationOptions { AbortOnConnectFail = false };
                }
            }
            """,
            Stubs);

        Assert.Equal(
            string.Join("\n", [
                "retry-on-failure Microsoft.EntityFrameworkCore high",
                "retry-on-failure Microsoft.EntityFrameworkCore high",
                "migrations Microsoft.EntityFrameworkCore high",
                "in-memory-database Microsoft.EntityFrameworkCore.InMemory high",
                "tls System.Net.Mail high",
                "no-tls System.Net.Mail high",
                "tls MailKit high",
                "no-tls MailKit high",
                "tls MailKit high",
                "retry-on-failure StackExchange.Redis high",
            ]),
            string.Join("\n", Describe(diagnostics)));
    }

    [Fact]
    public async Task GeneratedModelSnapshot_ShouldBeTheMigrationsOfItsContext()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreReadinessAnalyzer(),
            """
            // <auto-generated />
            using Microsoft.EntityFrameworkCore;
            [DbContext(typeof(OrderingContext))]
            partial class OrderingContextModelSnapshot : Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot { }
            class OrderingContext : DbContext { }
            """,
            Stubs);

        var snapshot = Assert.Single(diagnostics);
        Assert.Equal(("migrations", "OrderingContext"), (snapshot.Properties[FindingProperties.Target], snapshot.Properties[FindingProperties.DbContext]));
    }

    [Fact]
    public async Task WithoutTheirPackages_TheDistinctiveNames_ShouldStillBeFound_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreReadinessAnalyzer(),
            """
            class Startup
            {
                void Configure(SqlServerDbContextOptionsBuilder sql, OrderingContext context, Migrator migrator)
                {
                    sql.EnableRetryOnFailure(5);
                    context.Database.Migrate();
                    migrator.Migrate();
                }
            }
            class BillingSnapshot : ModelSnapshot { }
            """);

        Assert.Equal(
            ["retry-on-failure Microsoft.EntityFrameworkCore low", "migrations Microsoft.EntityFrameworkCore low", "migrations Microsoft.EntityFrameworkCore low"],
            Describe(diagnostics));
    }

    [Fact]
    public async Task AspireEnrichmentAndTheEf6ExecutionStrategy_ShouldBeRetries()
    {
        var diagnostics = await AnalyzerRunner.RunWithLibrariesAsync(
            new DataStoreReadinessAnalyzer(),
            [
                ("Aspire.Npgsql.EntityFrameworkCore.PostgreSQL", """
                    namespace Microsoft.Extensions.Hosting
                    {
                        public interface IHostApplicationBuilder { }
                        public static class AspireEFPostgreSqlExtensions { public static void EnrichNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder) { } }
                    }
                    """),
                ("EntityFramework.SqlServer", "namespace System.Data.Entity.SqlServer { public sealed class SqlAzureExecutionStrategy { } }"),
            ],
            """
            using Microsoft.Extensions.Hosting;
            class OrderingContext { }
            static class Extensions
            {
                static void Add(IHostApplicationBuilder builder)
                {
                    builder.EnrichNpgsqlDbContext<OrderingContext>();
                    var strategy = new System.Data.Entity.SqlServer.SqlAzureExecutionStrategy();
                }
            }
            """);

        Assert.Equal(
            ["retry-on-failure Aspire.Npgsql.EntityFrameworkCore.PostgreSQL high", "retry-on-failure EntityFramework high"],
            Describe(diagnostics));
    }

    [Fact]
    public async Task SmtpClientOfTheMailSettings_ShouldTakeTheirEnableSsl()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreReadinessAnalyzer(),
            [("/src/Web/Web.config", """<configuration><system.net><mailSettings><smtp><network host="mail.example" enableSsl="true" /></smtp></mailSettings></system.net></configuration>""")],
            "class Mailer { void Send() { var smtp = new System.Net.Mail.SmtpClient(); } }",
            Stubs);

        Assert.Equal(["tls System.Net.Mail high"], Describe(diagnostics));
    }

    [Fact]
    public async Task LookAlikes_ShouldNotBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreReadinessAnalyzer(),
            """
            class Options { public bool EnableSsl { get; set; } public void EnableRetryOnFailure() { } }
            class Schema { public void Migrate() { } }
            class App
            {
                void Run(Options options, Schema schema)
                {
                    options.EnableSsl = true;            // the application's own setting
                    options.EnableRetryOnFailure();      // its own method of that name
                    schema.Migrate();
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}

public sealed class ConnectionNotDisposedAnalyzerTests
{
    private const string Stubs = """
        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnection : System.IDisposable { public SqlConnection(string cs) { } public void Open() { } public void Close() { } public void Dispose() { } }
            public sealed class SqlCommand : System.IDisposable { public SqlCommand(string sql, SqlConnection connection) { } public int ExecuteNonQuery() => 0; public void Dispose() { } }
        }
        """;

    [Fact]
    public async Task ConnectionNeverDisposed_ShouldBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new ConnectionNotDisposedAnalyzer(),
            """
            using Microsoft.Data.SqlClient;
            class Orders
            {
                void Leak(string cs)
                {
                    var connection = new SqlConnection(cs);
                    connection.Open();
                    using var command = new SqlCommand("delete from Log", connection);
                    command.ExecuteNonQuery();
                }
                int Inline(string cs) => new SqlCommand("select 1", new SqlConnection(cs)).ExecuteNonQuery();
            }
            """,
            Stubs);

        Assert.Equal(
            ["INV4007 SqlConnection is created here and never disposed: wrap it in using", "INV4007 SqlConnection is created here and never disposed: wrap it in using"],
            diagnostics.Select(d => $"{d.Id} {d.GetMessage()}"));
    }

    [Fact]
    public async Task ConnectionsLookedAfter_ShouldNotBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new ConnectionNotDisposedAnalyzer(),
            """
            using Microsoft.Data.SqlClient;
            class Orders
            {
                private SqlConnection _shared;
                SqlConnection Factory(string cs) => new SqlConnection(cs);
                SqlConnection Returned(string cs) { var connection = new SqlConnection(cs); connection.Open(); return connection; }
                void Statement(string cs) { using (var connection = new SqlConnection(cs)) { connection.Open(); } }
                void Declaration(string cs) { using var connection = new SqlConnection(cs); connection.Open(); }
                void Closed(string cs) { var connection = new SqlConnection(cs); try { connection.Open(); } finally { connection.Close(); } }
                void Stored(string cs) { _shared = new SqlConnection(cs); }
                void HandedOn(string cs) { var connection = new SqlConnection(cs); Unit.Of(connection); }
                void Dapper(string cs) => new SqlConnection(cs).Open();
            }
            static class Unit { public static void Of(SqlConnection connection) { } }
            """,
            Stubs);

        Assert.Empty(diagnostics);
    }
}
