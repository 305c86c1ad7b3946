using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class SqlStatementAnalyzerTests
{
    private const string Stubs = """
        namespace System.Data.Common
        {
            public abstract class DbCommand { public abstract string CommandText { get; set; } }
            public abstract class DbDataAdapter { }
        }
        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnection : System.Data.IDbConnection { public SqlConnection(string cs) { } }
            public sealed class SqlCommand : System.Data.Common.DbCommand
            {
                public SqlCommand() { }
                public SqlCommand(string cmdText, SqlConnection connection) { }
                public override string CommandText { get; set; } = "";
            }
            public sealed class SqlDataAdapter : System.Data.Common.DbDataAdapter { public SqlDataAdapter(string selectCommandText, SqlConnection connection) { } }
        }
        namespace System.Data { public interface IDbConnection { } }
        namespace Dapper
        {
            public static class SqlMapper
            {
                public static System.Threading.Tasks.Task<T> ExecuteScalarAsync<T>(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
                public static System.Collections.Generic.IEnumerable<T> Query<T>(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
                public static int Execute(this System.Data.IDbConnection cnn, string sql, object? param = null) => 0;
            }
        }
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbSet<T> : System.Linq.IQueryable<T> where T : class
            {
                public System.Type ElementType => typeof(T);
                public System.Linq.Expressions.Expression Expression => null!;
                public System.Linq.IQueryProvider Provider => null!;
                public System.Collections.Generic.IEnumerator<T> GetEnumerator() => null!;
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;
            }
            public static class RelationalQueryableExtensions { public static System.Linq.IQueryable<T> FromSqlRaw<T>(this DbSet<T> source, string sql, params object[] parameters) where T : class => source; }
            namespace Infrastructure { public sealed class DatabaseFacade { } }
            public static class RelationalDatabaseFacadeExtensions { public static int ExecuteSqlRaw(this Infrastructure.DatabaseFacade database, string sql, params object[] parameters) => 0; }
        }
        """;

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Properties[FindingProperties.Library]} {d.Properties.GetValueOrDefault(FindingProperties.Statement) ?? "-"} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Confidence]}").ToArray();

    [Fact]
    public async Task Statements_ShouldNameTheirTables_WhateverIssuesThem()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new SqlStatementAnalyzer(),
            """
            using Dapper;
            using Microsoft.Data.SqlClient;
            using Microsoft.EntityFrameworkCore;
            class Order { }
            class Stock
            {
                private const string Unbilled = "select o.Id from [dbo].[Orders] o join OrderLines l on l.OrderId = o.Id where o.Billed = 0";
                void Run(SqlConnection connection, DbSet<Order> orders, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, string sku, string dynamic)
                {
                    connection.ExecuteScalarAsync<int>("select count(*) from Stock where Sku = @sku", new { sku });
                    connection.Query<Order>(Unbilled);
                    connection.Execute("exec dbo.usp_CloseDay @day", new { day = 1 });
                    orders.FromSqlRaw("SELECT * FROM Orders WHERE Id = {0}", 1);
                    database.ExecuteSqlRaw("update Stock set Reserved = 0");
                    var insert = new SqlCommand("insert into AuditLog (Sku) values (@sku)", connection);
                    var adapter = new SqlDataAdapter("select * from Invoices", connection);
                    var command = new SqlCommand();
                    command.CommandText = "delete from Reservations where Expired = 1";
                    var built = new SqlCommand(dynamic, connection);
                    var sequence = new SqlCommand($"SELECT NEXT VALUE FOR {dynamic}", connection);
                }
            }
            """,
            Stubs);

        Assert.Equal(
            [
                "Dapper select tables:Stock high",
                "Dapper select tables:dbo.Orders,OrderLines high",
                "Dapper exec procedure:dbo.usp_CloseDay high",
                "Microsoft.EntityFrameworkCore select tables:Orders high",
                "Microsoft.EntityFrameworkCore update tables:Stock high",
                "Microsoft.Data.SqlClient insert tables:AuditLog high",
                "Microsoft.Data.SqlClient select tables:Invoices high",
                "Microsoft.Data.SqlClient delete tables:Reservations high",
                "Microsoft.Data.SqlClient - sql:unresolved high",
                "Microsoft.Data.SqlClient select sql:select high",
            ],
            Describe(diagnostics));
        Assert.Equal("dbo.Orders, OrderLines", diagnostics[1].Properties[FindingProperties.Tables]);
    }

    [Fact]
    public async Task WithoutTheirPackages_StatementsShouldStillBeRead_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new SqlStatementAnalyzer(),
            """
            class Stock
            {
                void Run(SqlConnection connection, BillingContext context)
                {
                    connection.Execute("update Stock set Reserved = 0");
                    context.Database.ExecuteSqlRaw("delete from Holds");
                    var command = new SqlCommand("select * from Invoices", connection);
                }
            }
            """);

        Assert.Equal(
            ["Dapper update tables:Stock low", "Entity Framework delete tables:Holds low", "ADO.NET select tables:Invoices low"],
            Describe(diagnostics));
    }

    [Fact]
    public async Task LookAlikes_ShouldNotBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new SqlStatementAnalyzer(),
            """
            class Search { public int Query(string text) => 0; public int Execute(string text) => 0; }
            class Command { public Command(string text) { } public string CommandText { get; set; } = ""; }
            class App
            {
                void Run(Search search, Client client)
                {
                    search.Query("select from the menu");        // the application's own Query
                    search.Execute("delete from the list");      // and its own Execute
                    var command = new Command("update from git");  // its own Command type
                    command.CommandText = "select * from Orders";
                    client.Execute("select * from Orders");      // unbound, but not on a connection
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task EachStatementSource_ShouldBeSeenByItsOwnWord_InAFileThatHoldsNoOther()
    {
        // The scanner binds a file only for a trigger word it holds (AnalyzerRunner checks every report against them):
        // each of these files holds one way of issuing SQL and no other word.
        var diagnostics = await AnalyzerRunner.RunAsync(
            new SqlStatementAnalyzer(),
            """
            public static class Prepared
            {
                public static void Paid(System.Data.Common.DbCommand command) => command.CommandText = "update Orders set Paid = 1";
            }
            """,
            """
            public static class Adapters
            {
                public static object Invoices(Microsoft.Data.SqlClient.SqlConnection connection) => new Microsoft.Data.SqlClient.SqlDataAdapter("select * from Invoices", connection);
            }
            """,
            """
            public static class Commands
            {
                public static object Stock(Microsoft.Data.SqlClient.SqlConnection connection) => new Microsoft.Data.SqlClient.SqlCommand("delete from Holds", connection);
            }
            """,
            Stubs);

        Assert.Equal(["System.Data.Common update tables:Orders high", "Microsoft.Data.SqlClient select tables:Invoices high", "Microsoft.Data.SqlClient delete tables:Holds high"], Describe(diagnostics.OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)));
    }
}
