using System.Collections.Immutable;
using System.Linq;

namespace InventoryScanner.Analyzers.DataStores
{
    /// <summary>Values of an INV4006 finding's target: what a component does to make its data stores dependable.</summary>
    public static class DataStoreFacts
    {
        /// <summary>Transient failures are retried: EF Core's <c>EnableRetryOnFailure</c>, SqlClient's retry providers, Redis reconnecting.</summary>
        public const string RetryOnFailure = "retry-on-failure";

        /// <summary>The schema is versioned: an EF Core model snapshot, an EF6 migrations configuration, <c>Database.Migrate()</c>.</summary>
        public const string Migrations = "migrations";

        /// <summary>Mail leaves encrypted: <c>EnableSsl = true</c>, MailKit's <c>SecureSocketOptions.StartTls</c>/<c>SslOnConnect</c>/<c>Auto</c>.</summary>
        public const string Tls = "tls";

        /// <summary>Mail leaves in clear text: <c>EnableSsl = false</c>, <c>SecureSocketOptions.None</c>, <c>useSsl: false</c>.</summary>
        public const string NoTls = "no-tls";

        /// <summary>EF Core's in-memory provider: a store for tests, not an integration.</summary>
        public const string InMemory = "in-memory-database";

        /// <summary>
        /// EF Core and its providers, as namespace or assembly prefixes: the providers declare their options builders
        /// (where <c>EnableRetryOnFailure</c> lives) in their own namespaces, and their findings carry these libraries.
        /// </summary>
        public static readonly ImmutableArray<string> EntityFrameworkCore = ImmutableArray.Create(
            "Microsoft.EntityFrameworkCore", "Npgsql.EntityFrameworkCore", "Pomelo.EntityFrameworkCore", "Oracle.EntityFrameworkCore", "MySql.EntityFrameworkCore");
    }

    /// <summary>A member that states a readiness fact of a data store: its name, the namespace or assembly prefixes that declare it, the library, the fact.</summary>
    internal sealed class DataStoreFactApi
    {
        public DataStoreFactApi(string member, string library, string fact, params string[] declaredIn)
        {
            Member = member;
            Library = library;
            Fact = fact;
            DeclaredIn = declaredIn.ToImmutableArray();
        }

        public string Member { get; }

        public string Library { get; }

        public string Fact { get; }

        public ImmutableArray<string> DeclaredIn { get; }

        public static readonly ImmutableArray<DataStoreFactApi> Calls = ImmutableArray.Create(
            new DataStoreFactApi("EnableRetryOnFailure", "Microsoft.EntityFrameworkCore", DataStoreFacts.RetryOnFailure, DataStoreFacts.EntityFrameworkCore.ToArray()),
            new DataStoreFactApi("CreateExponentialRetryProvider", "Microsoft.Data.SqlClient", DataStoreFacts.RetryOnFailure, "Microsoft.Data.SqlClient"),
            new DataStoreFactApi("CreateIncrementalRetryProvider", "Microsoft.Data.SqlClient", DataStoreFacts.RetryOnFailure, "Microsoft.Data.SqlClient"),
            new DataStoreFactApi("CreateFixedRetryProvider", "Microsoft.Data.SqlClient", DataStoreFacts.RetryOnFailure, "Microsoft.Data.SqlClient"),
            // Aspire's Enrich…DbContext adds its retries (and health checks) to a context registered with AddDbContext.
            new DataStoreFactApi("EnrichNpgsqlDbContext", "Aspire.Npgsql.EntityFrameworkCore.PostgreSQL", DataStoreFacts.RetryOnFailure, "Aspire"),
            new DataStoreFactApi("EnrichSqlServerDbContext", "Aspire.Microsoft.EntityFrameworkCore.SqlServer", DataStoreFacts.RetryOnFailure, "Aspire"),
            new DataStoreFactApi("EnrichMySqlDbContext", "Aspire.Pomelo.EntityFrameworkCore.MySql", DataStoreFacts.RetryOnFailure, "Aspire"),
            new DataStoreFactApi("EnrichOracleDatabaseDbContext", "Aspire.Oracle.EntityFrameworkCore", DataStoreFacts.RetryOnFailure, "Aspire"),
            new DataStoreFactApi("Migrate", "Microsoft.EntityFrameworkCore", DataStoreFacts.Migrations, "Microsoft.EntityFrameworkCore"),
            new DataStoreFactApi("MigrateAsync", "Microsoft.EntityFrameworkCore", DataStoreFacts.Migrations, "Microsoft.EntityFrameworkCore"),
            new DataStoreFactApi("UseInMemoryDatabase", "Microsoft.EntityFrameworkCore.InMemory", DataStoreFacts.InMemory, "Microsoft.EntityFrameworkCore"));

        /// <summary>
        /// The exceptions of a store's client a retry policy handles (Polly's <c>Policy.Handle&lt;SqlException&gt;()</c>, a
        /// pipeline's <c>new PredicateBuilder().Handle&lt;NpgsqlException&gt;()</c>), with the store they are of; null for
        /// ADO.NET's <c>DbException</c>, which any relational provider throws.
        /// </summary>
        public static readonly ImmutableDictionary<string, string?> TransientExceptions = new System.Collections.Generic.Dictionary<string, string?>
        {
            ["SqlException"] = "sqlserver", ["NpgsqlException"] = "postgres", ["PostgresException"] = "postgres", ["MySqlException"] = "mysql",
            ["OracleException"] = "oracle", ["SqliteException"] = "sqlite", ["SQLiteException"] = "sqlite", ["DbException"] = null,
            ["RedisConnectionException"] = "redis", ["RedisTimeoutException"] = "redis", ["RedisException"] = "redis",
            ["MongoConnectionException"] = "mongodb", ["MongoException"] = "mongodb", ["CosmosException"] = "cosmos",
        }.ToImmutableDictionary();

        /// <summary>Base types whose subclasses mean the schema is migrated: one per context, unlike the migrations themselves.</summary>
        public static readonly ImmutableArray<(string TypeName, string Library)> MigrationBases = ImmutableArray.Create(
            ("Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot", "Microsoft.EntityFrameworkCore"),
            ("System.Data.Entity.Migrations.DbMigrationsConfiguration`1", "EntityFramework"));
    }
}
