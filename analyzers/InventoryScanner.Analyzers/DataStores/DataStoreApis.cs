using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

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
        public DataStoreApi(string library, string typeName, string? member, string store, string kind, string? targetProperty = null, int? nameArgument = null, string? use = null, bool connectionName = false, bool bucket = false, bool clientUse = false)
        {
            ClientUse = clientUse;
            Bucket = bucket;
            Library = library;
            TypeName = typeName;
            Member = member;
            Store = store;
            Kind = kind;
            TargetProperty = targetProperty;
            NameArgument = nameArgument;
            Use = use;
            ConnectionName = connectionName;
        }

        public string Library { get; }

        /// <summary>Metadata name of the type created, or of the type that declares <see cref="Member"/>.</summary>
        public string TypeName { get; }

        /// <summary>The factory or provider method; null for a constructor.</summary>
        public string? Member { get; }

        public string Store { get; }

        public string Kind { get; }

        /// <summary>
        /// The property that holds the target when no argument does: <c>new SqlConnection { ConnectionString = cs }</c>,
        /// <c>new SmtpClient { Host = "smtp" }</c>, <c>AddStackExchangeRedisCache(o =&gt; o.Configuration = cs)</c>.
        /// </summary>
        public string? TargetProperty { get; }

        /// <summary>The argument (after the connection) that names a part of the store: a container, a table, a share.</summary>
        public int? NameArgument { get; }

        /// <summary>What the store is used for, when it is not the kind's plain use: <c>signalr-backplane</c>, <c>output-cache</c>.</summary>
        public string? Use { get; }

        /// <summary>
        /// An Amazon S3 call whose target is the bucket it names (<c>bucketName</c>, or a request's <c>BucketName</c>):
        /// bucket names are global, so <c>s3:invoices</c> from two components is one bucket. Reported only when the bucket resolves.
        /// </summary>
        public bool Bucket { get; }

        /// <summary>The argument names a connection string of the configuration (Enterprise Library's <c>CreateDatabase("Orders")</c>).</summary>
        public bool ConnectionName { get; }

        /// <summary>
        /// A call on a client made elsewhere, usually injected (<c>redis.GetDatabase()</c>,
        /// <c>blobs.GetBlobContainerClient("thumbnails")</c>): the store is the client's connection, the argument at
        /// <see cref="NameArgument"/> names its part.
        /// </summary>
        public bool ClientUse { get; }

        public string SimpleName => TypeName.Substring(TypeName.LastIndexOf('.') + 1);

        /// <summary>The types a connection is created as, in every library the rule knows.</summary>
        public static readonly ImmutableArray<DataStoreApi> Constructors = ImmutableArray.Create(
            new DataStoreApi("System.Data.SqlClient", "System.Data.SqlClient.SqlConnection", null, "sqlserver", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("Microsoft.Data.SqlClient", "Microsoft.Data.SqlClient.SqlConnection", null, "sqlserver", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("Npgsql", "Npgsql.NpgsqlConnection", null, "postgres", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("MySql.Data", "MySql.Data.MySqlClient.MySqlConnection", null, "mysql", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("MySqlConnector", "MySqlConnector.MySqlConnection", null, "mysql", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("Microsoft.Data.Sqlite", "Microsoft.Data.Sqlite.SqliteConnection", null, "sqlite", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("System.Data.SQLite", "System.Data.SQLite.SQLiteConnection", null, "sqlite", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("Oracle.ManagedDataAccess", "Oracle.ManagedDataAccess.Client.OracleConnection", null, "oracle", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("System.Data.OleDb", "System.Data.OleDb.OleDbConnection", null, "oledb", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("System.Data.Odbc", "System.Data.Odbc.OdbcConnection", null, "odbc", FindingKinds.Database, targetProperty: "ConnectionString"),
            new DataStoreApi("MongoDB.Driver", "MongoDB.Driver.MongoClient", null, "mongodb", FindingKinds.Database),
            new DataStoreApi("Microsoft.Azure.Cosmos", "Microsoft.Azure.Cosmos.CosmosClient", null, "cosmos", FindingKinds.Database),
            new DataStoreApi("System.Data.Linq", "System.Data.Linq.DataContext", null, "sqlserver", FindingKinds.Database),
            new DataStoreApi("Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobServiceClient", null, "azure-blob", FindingKinds.BlobStorage),
            new DataStoreApi("Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobContainerClient", null, "azure-blob", FindingKinds.BlobStorage, nameArgument: 1),
            new DataStoreApi("Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobClient", null, "azure-blob", FindingKinds.BlobStorage, nameArgument: 1),
            new DataStoreApi("Azure.Storage.Files.Shares", "Azure.Storage.Files.Shares.ShareServiceClient", null, "azure-files", FindingKinds.BlobStorage),
            new DataStoreApi("Azure.Storage.Files.Shares", "Azure.Storage.Files.Shares.ShareClient", null, "azure-files", FindingKinds.BlobStorage, nameArgument: 1),
            new DataStoreApi("Azure.Storage.Files.DataLake", "Azure.Storage.Files.DataLake.DataLakeServiceClient", null, "azure-datalake", FindingKinds.BlobStorage),
            new DataStoreApi("AWSSDK.S3", "Amazon.S3.AmazonS3Client", null, "s3", FindingKinds.BlobStorage),
            new DataStoreApi("AWSSDK.S3", "Amazon.S3.Transfer.TransferUtility", null, "s3", FindingKinds.BlobStorage),
            new DataStoreApi("FluentFTP", "FluentFTP.FtpClient", null, "ftp", FindingKinds.BlobStorage),
            new DataStoreApi("FluentFTP", "FluentFTP.AsyncFtpClient", null, "ftp", FindingKinds.BlobStorage),
            new DataStoreApi("SSH.NET", "Renci.SshNet.SftpClient", null, "sftp", FindingKinds.BlobStorage),
            new DataStoreApi("AWSSDK.DynamoDBv2", "Amazon.DynamoDBv2.AmazonDynamoDBClient", null, "dynamodb", FindingKinds.Database),
            new DataStoreApi("Azure.Data.Tables", "Azure.Data.Tables.TableServiceClient", null, "azure-table", FindingKinds.Database),
            new DataStoreApi("Azure.Data.Tables", "Azure.Data.Tables.TableClient", null, "azure-table", FindingKinds.Database, nameArgument: 1),
            new DataStoreApi("NEST", "Nest.ElasticClient", null, "elasticsearch", FindingKinds.Database),
            new DataStoreApi("Elasticsearch.Net", "Elasticsearch.Net.ElasticLowLevelClient", null, "elasticsearch", FindingKinds.Database),
            new DataStoreApi("Elastic.Clients.Elasticsearch", "Elastic.Clients.Elasticsearch.ElasticsearchClient", null, "elasticsearch", FindingKinds.Database),
            new DataStoreApi("OpenSearch.Client", "OpenSearch.Client.OpenSearchClient", null, "opensearch", FindingKinds.Database),
            new DataStoreApi("EnyimMemcachedCore", "Enyim.Caching.MemcachedClient", null, "memcached", FindingKinds.Cache),
            new DataStoreApi("System.Net.Mail", "System.Net.Mail.SmtpClient", null, "smtp", FindingKinds.Smtp, targetProperty: "Host"),
            new DataStoreApi("SendGrid", "SendGrid.SendGridClient", null, "sendgrid", FindingKinds.Smtp),
            new DataStoreApi("Postmark", "PostmarkDotNet.PostmarkClient", null, "postmark", FindingKinds.Smtp),
            new DataStoreApi("Azure.Communication.Email", "Azure.Communication.Email.EmailClient", null, "azure-communication", FindingKinds.Smtp),
            new DataStoreApi("AWSSDK.SimpleEmail", "Amazon.SimpleEmail.AmazonSimpleEmailServiceClient", null, "ses", FindingKinds.Smtp),
            new DataStoreApi("AWSSDK.SimpleEmailV2", "Amazon.SimpleEmailV2.AmazonSimpleEmailServiceV2Client", null, "ses", FindingKinds.Smtp));

        /// <summary>The constructor API of a type that resolved, by its simple name first (this runs for every <c>new</c>).</summary>
        public static DataStoreApi? ConstructorOf(ITypeSymbol type)
        {
            string? display = null;
            foreach (var api in ConstructorsByName[type.Name])
            {
                if ((display ??= type.ToDisplayString()) == api.TypeName)
                {
                    return api;
                }
            }

            return null;
        }

        /// <summary><see cref="Constructors"/> by the simple name of the type they make.</summary>
        private static readonly ILookup<string, DataStoreApi> ConstructorsByName =
            Constructors.ToLookup(api => api.TypeName.Substring(api.TypeName.LastIndexOf('.') + 1), System.StringComparer.Ordinal);

        /// <summary>Contexts whose base constructor takes the connection string or its name: Entity Framework 6, LINQ to SQL.</summary>
        public static readonly ImmutableArray<DataStoreApi> Contexts = ImmutableArray.Create(
            new DataStoreApi("EntityFramework", "System.Data.Entity.DbContext", null, "sqlserver", FindingKinds.Database),
            new DataStoreApi("System.Data.Linq", "System.Data.Linq.DataContext", null, "sqlserver", FindingKinds.Database));

        /// <summary>Where Aspire's client integrations live; their classes are matched by this namespace and the method name.</summary>
        public const string AspireNamespace = "Microsoft.Extensions.Hosting";

        /// <summary>Where the cache, mail and storage registrations of Microsoft.Extensions and FluentEmail live.</summary>
        public const string DependencyInjection = "Microsoft.Extensions.DependencyInjection";

        /// <summary>
        /// Static factories, EF Core's provider calls and registrations, whose first argument is the connection string
        /// (or, with <see cref="TargetProperty"/>, whose options lambda sets it).
        /// </summary>
        public static readonly ImmutableArray<DataStoreApi> Calls = WithKeyed(ImmutableArray.Create(
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
            new DataStoreApi("Aspire.Azure.Storage.Blobs", AspireNamespace + ".AspireBlobStorageExtensions", "AddAzureBlobServiceClient", "azure-blob", FindingKinds.BlobStorage),
            new DataStoreApi("Aspire.Azure.Storage.Blobs", AspireNamespace + ".AspireBlobStorageExtensions", "AddAzureBlobContainerClient", "azure-blob", FindingKinds.BlobStorage),
            new DataStoreApi("Aspire.Azure.Data.Tables", AspireNamespace + ".AspireTablesExtensions", "AddAzureTableClient", "azure-table", FindingKinds.Database),
            new DataStoreApi("Aspire.Azure.Data.Tables", AspireNamespace + ".AspireTablesExtensions", "AddAzureTableServiceClient", "azure-table", FindingKinds.Database),
            new DataStoreApi("Aspire.Microsoft.Azure.Cosmos", AspireNamespace + ".AspireMicrosoftAzureCosmosExtensions", "AddAzureCosmosClient", "cosmos", FindingKinds.Database),
            new DataStoreApi("Aspire.Microsoft.EntityFrameworkCore.Cosmos", AspireNamespace + ".AspireAzureEFCoreCosmosExtensions", "AddCosmosDbContext", "cosmos", FindingKinds.Database),
            new DataStoreApi("Aspire.Pomelo.EntityFrameworkCore.MySql", AspireNamespace + ".AspireEFMySqlExtensions", "AddMySqlDbContext", "mysql", FindingKinds.Database),
            new DataStoreApi("Aspire.MySqlConnector", AspireNamespace + ".AspireMySqlConnectorExtensions", "AddMySqlDataSource", "mysql", FindingKinds.Database),
            new DataStoreApi("Aspire.Oracle.EntityFrameworkCore", AspireNamespace + ".AspireOracleEFCoreExtensions", "AddOracleDatabaseDbContext", "oracle", FindingKinds.Database),
            new DataStoreApi("Aspire.Elastic.Clients.Elasticsearch", AspireNamespace + ".AspireElasticClientsElasticsearchExtensions", "AddElasticsearchClient", "elasticsearch", FindingKinds.Database),

            // Distributed caches and the SignalR backplane registered in DI: the connection in an argument or the options lambda.
            new DataStoreApi("Microsoft.Extensions.Caching.StackExchangeRedis", DependencyInjection + ".StackExchangeRedisCacheServiceCollectionExtensions", "AddStackExchangeRedisCache", "redis", FindingKinds.Cache, targetProperty: "Configuration", use: "distributed-cache"),
            new DataStoreApi("Microsoft.AspNetCore.OutputCaching.StackExchangeRedis", DependencyInjection + ".StackExchangeRedisOutputCacheServiceCollectionExtensions", "AddStackExchangeRedisOutputCache", "redis", FindingKinds.Cache, targetProperty: "Configuration", use: "output-cache"),
            new DataStoreApi("Microsoft.Extensions.Caching.SqlServer", DependencyInjection + ".SqlServerCachingServicesExtensions", "AddDistributedSqlServerCache", "sqlserver", FindingKinds.Cache, targetProperty: "ConnectionString", use: "distributed-cache"),
            new DataStoreApi("Microsoft.Extensions.Caching.Cosmos", DependencyInjection + ".CosmosCacheServicesExtensions", "AddCosmosCache", "cosmos", FindingKinds.Cache, use: "distributed-cache"),
            new DataStoreApi("Microsoft.AspNetCore.SignalR.StackExchangeRedis", DependencyInjection + ".StackExchangeRedisDependencyInjectionExtensions", "AddStackExchangeRedis", "redis", FindingKinds.Cache, use: "signalr-backplane"),
            new DataStoreApi("EnyimMemcachedCore", DependencyInjection + ".EnyimMemcachedServiceCollectionExtensions", "AddEnyimMemcached", "memcached", FindingKinds.Cache),

            // Documents, search and wide-column stores reached by a call.
            new DataStoreApi("MongoDB.Driver", "MongoDB.Driver.IMongoClient", "GetDatabase", "mongodb", FindingKinds.Database),
            new DataStoreApi("MongoDB.Driver", "MongoDB.Driver.IMongoDatabase", "GetCollection", "mongodb", FindingKinds.Database),
            new DataStoreApi("CassandraCSharpDriver", "Cassandra.Builder", "AddContactPoint", "cassandra", FindingKinds.Database),
            new DataStoreApi("CassandraCSharpDriver", "Cassandra.Builder", "AddContactPoints", "cassandra", FindingKinds.Database),
            new DataStoreApi("Microsoft.Azure.Cosmos", "Microsoft.Azure.Cosmos.CosmosClient", "GetDatabase", "cosmos", FindingKinds.Database),
            new DataStoreApi("Microsoft.Azure.Cosmos", "Microsoft.Azure.Cosmos.CosmosClient", "GetContainer", "cosmos", FindingKinds.Database, nameArgument: 1),

            // Clients made elsewhere (injected): the store is the client's connection, the argument names its part.
            new DataStoreApi("StackExchange.Redis", "StackExchange.Redis.IConnectionMultiplexer", "GetDatabase", "redis", FindingKinds.Cache, clientUse: true),
            new DataStoreApi("Azure.Storage.Blobs", "Azure.Storage.Blobs.BlobServiceClient", "GetBlobContainerClient", "azure-blob", FindingKinds.BlobStorage, nameArgument: 0, clientUse: true),
            new DataStoreApi("Azure.Storage.Files.Shares", "Azure.Storage.Files.Shares.ShareServiceClient", "GetShareClient", "azure-files", FindingKinds.BlobStorage, nameArgument: 0, clientUse: true),
            new DataStoreApi("Azure.Data.Tables", "Azure.Data.Tables.TableServiceClient", "GetTableClient", "azure-table", FindingKinds.Database, nameArgument: 0, clientUse: true),

            // Legacy data access: the Enterprise Library's database by connection-string name, the old storage account, helpers.
            new DataStoreApi("EnterpriseLibrary.Data", "Microsoft.Practices.EnterpriseLibrary.Data.DatabaseFactory", "CreateDatabase", "sqlserver", FindingKinds.Database, connectionName: true),
            new DataStoreApi("EnterpriseLibrary.Data", "Microsoft.Practices.EnterpriseLibrary.Data.DatabaseProviderFactory", "Create", "sqlserver", FindingKinds.Database, connectionName: true),
            new DataStoreApi("WindowsAzure.Storage", "Microsoft.WindowsAzure.Storage.CloudStorageAccount", "Parse", "azure-storage", FindingKinds.BlobStorage),
            new DataStoreApi("Microsoft.Azure.Storage.Common", "Microsoft.Azure.Storage.CloudStorageAccount", "Parse", "azure-storage", FindingKinds.BlobStorage),
            new DataStoreApi("MySql.Data", "MySql.Data.MySqlClient.MySqlHelper", "ExecuteNonQuery", "mysql", FindingKinds.Database),
            new DataStoreApi("MySql.Data", "MySql.Data.MySqlClient.MySqlHelper", "ExecuteReader", "mysql", FindingKinds.Database),
            new DataStoreApi("MySql.Data", "MySql.Data.MySqlClient.MySqlHelper", "ExecuteScalar", "mysql", FindingKinds.Database),
            new DataStoreApi("MySql.Data", "MySql.Data.MySqlClient.MySqlHelper", "ExecuteDataset", "mysql", FindingKinds.Database),
            new DataStoreApi("Data Access Application Block", "Microsoft.ApplicationBlocks.Data.SqlHelper", "ExecuteNonQuery", "sqlserver", FindingKinds.Database),
            new DataStoreApi("Data Access Application Block", "Microsoft.ApplicationBlocks.Data.SqlHelper", "ExecuteReader", "sqlserver", FindingKinds.Database),
            new DataStoreApi("Data Access Application Block", "Microsoft.ApplicationBlocks.Data.SqlHelper", "ExecuteScalar", "sqlserver", FindingKinds.Database),
            new DataStoreApi("Data Access Application Block", "Microsoft.ApplicationBlocks.Data.SqlHelper", "ExecuteDataset", "sqlserver", FindingKinds.Database),

            // Google Cloud Storage: a client of the project's credentials, no address.
            new DataStoreApi("Google.Cloud.Storage.V1", "Google.Cloud.Storage.V1.StorageClient", "Create", "gcs", FindingKinds.BlobStorage),
            new DataStoreApi("Google.Cloud.Storage.V1", "Google.Cloud.Storage.V1.StorageClient", "CreateAsync", "gcs", FindingKinds.BlobStorage),

            // FluentEmail's senders: the SMTP host, or the mail service and its key.
            new DataStoreApi("FluentEmail.Smtp", DependencyInjection + ".FluentEmailSmtpBuilderExtensions", "AddSmtpSender", "smtp", FindingKinds.Smtp, targetProperty: "Host"),
            new DataStoreApi("FluentEmail.MailKit", DependencyInjection + ".FluentEmailMailKitBuilderExtensions", "AddMailKitSender", "smtp", FindingKinds.Smtp, targetProperty: "Server"),
            new DataStoreApi("FluentEmail.SendGrid", DependencyInjection + ".FluentEmailSendGridBuilderExtensions", "AddSendGridSender", "sendgrid", FindingKinds.Smtp),
            new DataStoreApi("FluentEmail.Mailgun", DependencyInjection + ".FluentEmailMailgunBuilderExtensions", "AddMailGunSender", "mailgun", FindingKinds.Smtp),

            // MailKit: the host is the first argument of Connect on its SmtpClient.
            new DataStoreApi("MailKit", "MailKit.Net.Smtp.SmtpClient", "Connect", "smtp", FindingKinds.Smtp),
            new DataStoreApi("MailKit", "MailKit.Net.Smtp.SmtpClient", "ConnectAsync", "smtp", FindingKinds.Smtp)))
            .AddRange(Buckets("Amazon.S3.IAmazonS3", "PutObjectAsync", "GetObjectAsync", "DeleteObjectAsync", "CopyObjectAsync", "GetObjectMetadataAsync", "ListObjectsV2Async", "ListObjectsAsync", "InitiateMultipartUploadAsync", "GetPreSignedURL", "GetPreSignedURLAsync"))
            .AddRange(Buckets("Amazon.S3.Transfer.ITransferUtility", "UploadAsync", "Upload", "DownloadAsync", "Download", "UploadDirectoryAsync", "DownloadDirectoryAsync"));

        /// <summary><see cref="Calls"/> by member name: each invocation of a compilation asks.</summary>
        public static readonly ILookup<string, DataStoreApi> CallsByMember = Calls.Where(api => api.Member is not null).ToLookup(api => api.Member!, System.StringComparer.Ordinal);

        /// <summary>
        /// Aspire's keyed client integrations beside the plain ones: <c>AddKeyedRedisClient("voting-redis")</c> for
        /// <c>AddRedisClient</c>, with the same connection name first. Contexts have no keyed form.
        /// </summary>
        private static ImmutableArray<DataStoreApi> WithKeyed(ImmutableArray<DataStoreApi> apis) =>
            apis.AddRange(apis
                .Where(a => a.TypeName.StartsWith(AspireNamespace + ".Aspire", System.StringComparison.Ordinal) && a.Member!.StartsWith("Add", System.StringComparison.Ordinal) && !a.Member.EndsWith("DbContext", System.StringComparison.Ordinal))
                .Select(a => new DataStoreApi(a.Library, a.TypeName, "AddKeyed" + a.Member!.Substring(3), a.Store, a.Kind, a.TargetProperty, a.NameArgument, a.Use)));

        /// <summary>Amazon S3's calls that name the bucket, which is the store: <c>s3:&lt;bucket&gt;</c>.</summary>
        private static System.Collections.Generic.IEnumerable<DataStoreApi> Buckets(string typeName, params string[] members) =>
            members.Select(member => new DataStoreApi("AWSSDK.S3", typeName, member, "s3", FindingKinds.BlobStorage, bucket: true));
    }
}
