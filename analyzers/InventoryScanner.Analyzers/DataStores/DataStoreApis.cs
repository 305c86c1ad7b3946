using System.Collections.Immutable;

namespace InventoryScanner.Analyzers.DataStores
{
    /// <summary>
    /// One way code reaches a data store: a type created with a connection string (<c>new SqlConnection(cs)</c>), a
    /// factory call (<c>NpgsqlDataSource.Create(cs)</c>, <c>ConnectionMultiplexer.Connect(cs)</c>) or an EF Core provider
    /// call (<c>options.UseSqlServer(cs)</c>); the store it names (<c>sqlserver</c>, <c>postgres</c>, <c>redis</c>,
    /// <c>azure-blob</c>, <c>s3</c>, <c>smtp</c>…) and the finding kind (<c>database</c>, <c>cache</c>, <c>blob-storage</c>,
    /// <c>smtp</c>).
    /// </summary>
    internal sealed class DataStoreApi
    {
        public DataStoreApi(string library, string typeName, string? member, string store, string kind)
        {
            Library = library;
            TypeName = typeName;
            Member = member;
            Store = store;
            Kind = kind;
        }

        public string Library { get; }

        /// <summary>Metadata name of the type created, or of the type that declares <see cref="Member"/>.</summary>
        public string TypeName { get; }

        /// <summary>The factory or provider method; null for a constructor.</summary>
        public string? Member { get; }

        public string Store { get; }

        public string Kind { get; }

        public string SimpleName => TypeName.Substring(TypeName.LastIndexOf('.') + 1);

        /// <summary>The types a connection is created as, in every library the rule knows.</summary>
        public static readonly ImmutableArray<DataStoreApi> Constructors = ImmutableArray.Create(
            new DataStoreApi("System.Data.SqlClient", "System.Data.SqlClient.SqlConnection", null, "sqlserver", FindingKinds.Database),
            new DataStoreApi("Microsoft.Data.SqlClient", "Microsoft.Data.SqlClient.SqlConnection", null, "sqlserver", FindingKinds.Database),
            new DataStoreApi("Npgsql", "Npgsql.NpgsqlConnection", null, "postgres", FindingKinds.Database),
            new DataStoreApi("MySql.Data", "MySql.Data.MySqlClient.MySqlConnection", null, "mysql", FindingKinds.Database),
            new DataStoreApi("MySqlConnector", "MySqlConnector.MySqlConnection", null, "mysql", FindingKinds.Database),
            new DataStoreApi("Microsoft.Data.Sqlite", "Microsoft.Data.Sqlite.SqliteConnection", null, "sqlite", FindingKinds.Database),
            new DataStoreApi("System.Data.SQLite", "System.Data.SQLite.SQLiteConnection", null, "sqlite", FindingKinds.Database),
            new DataStoreApi("Oracle.ManagedDataAccess", "Oracle.ManagedDataAccess.Client.OracleConnection", null, "oracle", FindingKinds.Database),
            new DataStoreApi("System.Data.OleDb", "System.Data.OleDb.OleDbConnection", null, "oledb", FindingKinds.Database),
            new DataStoreApi("System.Data.Odbc", "System.Data.Odbc.OdbcConnection", null, "odbc", FindingKinds.Database),
            new DataStoreApi("MongoDB.Driver", "MongoDB.Driver.MongoClient", null, "mongodb", FindingKinds.Database),
            new DataStoreApi("Microsoft.Azure.Cosmos", "Microsoft.Azure.Cosmos.CosmosClient", null, "cosmos", FindingKinds.Database),
            new DataStoreApi("System.Data.Linq", "System.Data.Linq.DataContext", null, "sqlserver", FindingKinds.Database),
            new DataStoreApi("Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobServiceClient", null, "azure-blob", FindingKinds.BlobStorage),
            new DataStoreApi("Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobContainerClient", null, "azure-blob", FindingKinds.BlobStorage),
            new DataStoreApi("AWSSDK.S3", "Amazon.S3.AmazonS3Client", null, "s3", FindingKinds.BlobStorage),
            new DataStoreApi("System.Net.Mail", "System.Net.Mail.SmtpClient", null, "smtp", FindingKinds.Smtp),
            new DataStoreApi("SendGrid", "SendGrid.SendGridClient", null, "sendgrid", FindingKinds.Smtp),
            new DataStoreApi("AWSSDK.SimpleEmail", "Amazon.SimpleEmail.AmazonSimpleEmailServiceClient", null, "ses", FindingKinds.Smtp));

        /// <summary>Static factories and EF Core's provider calls, whose first argument is the connection string.</summary>
        /// <summary>Contexts whose base constructor takes the connection string or its name: Entity Framework 6, LINQ to SQL.</summary>
        public static readonly ImmutableArray<DataStoreApi> Contexts = ImmutableArray.Create(
            new DataStoreApi("EntityFramework", "System.Data.Entity.DbContext", null, "sqlserver", FindingKinds.Database),
            new DataStoreApi("System.Data.Linq", "System.Data.Linq.DataContext", null, "sqlserver", FindingKinds.Database));

        /// <summary>Where Aspire's client integrations live; their classes are matched by this namespace and the method name.</summary>
        public const string AspireNamespace = "Microsoft.Extensions.Hosting";

        public static readonly ImmutableArray<DataStoreApi> Calls = ImmutableArray.Create(
            new DataStoreApi("Npgsql", "Npgsql.NpgsqlDataSource", "Create", "postgres", FindingKinds.Database),
            new DataStoreApi("StackExchange.Redis", "StackExchange.Redis.ConnectionMultiplexer", "Connect", "redis", FindingKinds.Cache),
            new DataStoreApi("StackExchange.Redis", "StackExchange.Redis.ConnectionMultiplexer", "ConnectAsync", "redis", FindingKinds.Cache),
            new DataStoreApi("Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.EntityFrameworkCore.SqlServerDbContextOptionsExtensions", "UseSqlServer", "sqlserver", FindingKinds.Database),
            new DataStoreApi("Npgsql.EntityFrameworkCore.PostgreSQL", "Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions", "UseNpgsql", "postgres", FindingKinds.Database),
            new DataStoreApi("Pomelo.EntityFrameworkCore.MySql", "Microsoft.EntityFrameworkCore.MySqlDbContextOptionsBuilderExtensions", "UseMySql", "mysql", FindingKinds.Database),
            new DataStoreApi("MySql.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.MySQLDbContextOptionsExtensions", "UseMySQL", "mysql", FindingKinds.Database),
            new DataStoreApi("Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions", "UseSqlite", "sqlite", FindingKinds.Database),
            new DataStoreApi("Oracle.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.OracleDbContextOptionsExtensions", "UseOracle", "oracle", FindingKinds.Database),
            new DataStoreApi("Microsoft.EntityFrameworkCore.Cosmos", "Microsoft.EntityFrameworkCore.CosmosDbContextOptionsExtensions", "UseCosmos", "cosmos", FindingKinds.Database),

            // Aspire's client integrations: the first argument is the connection name, the AppHost resource's name.
            new DataStoreApi("Aspire.Npgsql.EntityFrameworkCore.PostgreSQL", AspireNamespace + ".AspireEFPostgreSqlExtensions", "AddNpgsqlDbContext", "postgres", FindingKinds.Database),
            new DataStoreApi("Aspire.Npgsql", AspireNamespace + ".AspirePostgreSqlNpgsqlExtensions", "AddNpgsqlDataSource", "postgres", FindingKinds.Database),
            new DataStoreApi("Aspire.Microsoft.EntityFrameworkCore.SqlServer", AspireNamespace + ".AspireSqlServerEFCoreSqlClientExtensions", "AddSqlServerDbContext", "sqlserver", FindingKinds.Database),
            new DataStoreApi("Aspire.Microsoft.Data.SqlClient", AspireNamespace + ".AspireSqlServerSqlClientExtensions", "AddSqlServerClient", "sqlserver", FindingKinds.Database),
            new DataStoreApi("Aspire.MongoDB.Driver", AspireNamespace + ".AspireMongoDBDriverExtensions", "AddMongoDBClient", "mongodb", FindingKinds.Database),
            new DataStoreApi("Aspire.StackExchange.Redis", AspireNamespace + ".AspireRedisExtensions", "AddRedisClient", "redis", FindingKinds.Cache),
            new DataStoreApi("Aspire.StackExchange.Redis.DistributedCaching", AspireNamespace + ".AspireRedisDistributedCacheExtensions", "AddRedisDistributedCache", "redis", FindingKinds.Cache),
            new DataStoreApi("Aspire.StackExchange.Redis.OutputCaching", AspireNamespace + ".AspireRedisOutputCacheExtensions", "AddRedisOutputCache", "redis", FindingKinds.Cache),
            new DataStoreApi("Aspire.Azure.Storage.Blobs", AspireNamespace + ".AspireBlobStorageExtensions", "AddAzureBlobClient", "azure-blob", FindingKinds.BlobStorage),

            // MailKit: the host is the first argument of Connect on its SmtpClient.
            new DataStoreApi("MailKit", "MailKit.Net.Smtp.SmtpClient", "Connect", "smtp", FindingKinds.Smtp),
            new DataStoreApi("MailKit", "MailKit.Net.Smtp.SmtpClient", "ConnectAsync", "smtp", FindingKinds.Smtp));
    }
}
