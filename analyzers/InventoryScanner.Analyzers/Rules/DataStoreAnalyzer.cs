using System;
using System.Collections.Immutable;
using System.Linq;
using InventoryScanner.Analyzers.Configuration;
using InventoryScanner.Analyzers.DataStores;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory facts: the databases and caches a component connects to — an ADO.NET connection created with a
    /// connection string (SQL Server, PostgreSQL, MySQL, SQLite, Oracle, OLE DB, ODBC), a MongoDB or Cosmos DB client,
    /// <c>NpgsqlDataSource.Create</c>, an EF Core provider call (<c>UseSqlServer</c>, <c>UseNpgsql</c>, …) and a Redis
    /// <c>ConnectionMultiplexer.Connect</c>; object storage (Azure Blob, Amazon S3) and mail (System.Net.Mail and
    /// MailKit SMTP clients, SendGrid, Amazon SES). The connection string is resolved through constants and configuration
    /// (<c>GetConnectionString("Orders")</c>) and the target names the store (<c>sqlserver:db1/orders</c>), never its
    /// credentials. The types it knows are in <see cref="DataStoreApi"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("Connection", "MongoClient", "CosmosClient", "NpgsqlDataSource", "ConnectionMultiplexer", "UseSqlServer", "UseNpgsql", "UseMySql", "UseSqlite", "UseOracle", "UseCosmos", "DbContext", "DataContext", "AddNpgsqlDataSource", "AddSqlServerClient", "AddMongoDBClient", "AddRedis", "AddAzureBlobClient", "BlobServiceClient", "BlobContainerClient", "AmazonS3Client", "SmtpClient", "SendGridClient", "SimpleEmailServiceClient", "SimpleEmailServiceV2Client", "BlobClient", "ShareServiceClient", "ShareClient", "DataLakeServiceClient", "TransferUtility", "FtpClient", "SftpClient", "AmazonDynamoDBClient", "TableServiceClient", "TableClient", "ElasticClient", "ElasticLowLevelClient", "ElasticsearchClient", "OpenSearchClient", "MemcachedClient", "AddEnyimMemcached", "PostmarkClient", "EmailClient", "GetDatabase", "GetCollection", "GetContainer", "AddKeyed", "AddContactPoint", "AddStackExchangeRedis", "AddDistributedSqlServerCache", "AddCosmosCache", "AddAzureTableClient", "AddAzureCosmosClient", "AddMySqlDataSource", "AddElasticsearchClient", "DatabaseFactory", "DatabaseProviderFactory", "CloudStorageAccount", "MySqlHelper", "SqlHelper", "StorageClient", "AddSmtpSender", "AddMailKitSender", "AddSendGridSender", "AddMailGunSender", "ObjectAsync", "ObjectMetadataAsync", "ListObjects", "MultipartUpload", "PreSignedURL", "Upload", "Download", "CreateConnection", "WebRequest", "ftp://", "ftps://", @"\\\\", @"@""\\", "WriteAll", "AppendAll", "ReadAll", "File.Copy", "File.Move", "File.Open", "File.Create", "Directory.GetFiles", "Directory.EnumerateFiles", "Directory.CreateDirectory", "FileStream", "StreamWriter", "FileSystemWatcher", GeneratedCodeWords = new[] { "DbContext", "DataContext", "SqlConnection", "OleDbConnection", "OdbcConnection", "OracleConnection", "MySqlConnection", "NpgsqlConnection", "SQLiteConnection" })]
    public sealed partial class DataStoreAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor DatabaseRule = RuleDescriptors.Create(
            RuleIdentifiers.DatabaseConnection,
            title: "Database connection",
            messageFormat: "{0} database: {1}",
            category: RuleCategories.Data,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A connection to a database: an ADO.NET connection, an EF Core provider or an EF6 context, a MongoDB database or collection, Cosmos DB, DynamoDB, Azure Table storage, Elasticsearch or Cassandra, with the store the connection string names (never its credentials).");

        private static readonly DiagnosticDescriptor CacheRule = RuleDescriptors.Create(
            RuleIdentifiers.CacheConnection,
            title: "Cache connection",
            messageFormat: "{0} cache: {1}",
            category: RuleCategories.Data,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A connection to a distributed cache (Redis, a SQL Server or Cosmos DB cache, Memcached) or a Redis SignalR backplane, with the host its configuration names.");

        private static readonly DiagnosticDescriptor StorageRule = RuleDescriptors.Create(
            RuleIdentifiers.ObjectStorage,
            title: "Object storage client",
            messageFormat: "{0} object storage: {1}",
            category: RuleCategories.Data,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A client of object or file storage (Azure Blob and Files, Amazon S3, Google Cloud Storage, FTP, SFTP) or a Windows file share reached by its UNC path, with the storage account, host or share its connection string, address or path names (never its key).");

        private static readonly DiagnosticDescriptor MailRule = RuleDescriptors.Create(
            RuleIdentifiers.MailSent,
            title: "Mail client",
            messageFormat: "{0} mail: {1}",
            category: RuleCategories.Data,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "Mail sent through an SMTP server (System.Net.Mail, MailKit, FluentEmail) or a mail service (SendGrid, Postmark, Mailgun, Amazon SES, Azure Communication Services), with the server's host where the code or its configuration names it.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DatabaseRule, CacheRule, StorageRule, MailRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Designers generate the connections of legacy data access: an .edmx's context (base("name=ShopEntities")), a
            // .dbml's DataContext, a typed DataSet's TableAdapters (new SqlConnection in InitConnection). They are the integration.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var resolver = new ValueResolver(start.Compilation, start.Options, start.CancellationToken);
                var contexts = new ContextTypes(start.Compilation);
                start.RegisterOperationAction(c => AnalyzeCreation(c, resolver, contexts), OperationKind.ObjectCreation, OperationKind.Invalid);
                start.RegisterOperationAction(c => AnalyzeCall(c, resolver, contexts), OperationKind.Invocation, OperationKind.Invalid);
            });
        }

        /// <summary><c>new SqlConnection(cs)</c>, <c>new MongoClient(url)</c>; by name with low confidence when the type is missing.</summary>
        private static void AnalyzeCreation(OperationAnalysisContext context, ValueResolver resolver, ContextTypes contexts)
        {
            var (name, type, argument) = context.Operation switch
            {
                IObjectCreationOperation { Type: INamedTypeSymbol created } creation => (created.Name, created, creation.Arguments.FirstOrDefault()?.Value),
                IInvalidOperation { Syntax: ObjectCreationExpressionSyntax syntax } invalid => (syntax.Type.ToString().Split('.').Last(), (INamedTypeSymbol?)null, FirstArgument(invalid, syntax.ArgumentList)),
                // new(cs) where the type it makes did not resolve: the type the context expects (a return type, a declared local) names it.
                IInvalidOperation { Syntax: ImplicitObjectCreationExpressionSyntax implicitNew } invalid when ExpectedTypeName(implicitNew) is { } expected =>
                    (expected, (INamedTypeSymbol?)null, FirstArgument(invalid, implicitNew.ArgumentList)),
                _ => (null, null, null),
            };
            if (name is null)
            {
                return;
            }

            var bound = type is not null && type.TypeKind != TypeKind.Error;
            if (bound && FileTransfers.IsPathType(type) && context.Operation is IObjectCreationOperation pathCreation)
            {
                ReportShare(context, contexts, FileTransfers.PathArguments(pathCreation.Arguments), resolver);
                return;
            }

            var api = bound
                ? DataStoreApi.ConstructorOf(type!)
                : ByName(name, context.Operation.Syntax);
            if (api is null)
            {
                return;
            }

            // Amazon SES is named by its region alone: its first argument is a credential or a config object, never the store.
            var value = argument is not null && api.Store != "ses" ? resolver.Resolve(CallSite.Unwrap(Settings(argument, context.CancellationToken)), context.CancellationToken) : ResolvedValue.None;
            if (!value.HasText && value.ConfigKey is null && api.TargetProperty is { } property)
            {
                // new SqlConnection { ConnectionString = cs }, or connection.ConnectionString = cs on the local it went into.
                value = resolver.Resolve(CallSite.Unwrap(AssignedProperty(context.Operation, property, context.CancellationToken)), context.CancellationToken);
            }

            if (!value.HasText && value.ConfigKey is null && api.TypeName == "System.Net.Mail.SmtpClient")
            {
                // new SmtpClient() reads <system.net><mailSettings><smtp><network host="…"> of web.config or app.config.
                var configured = resolver.FromConfiguration(MailSettingsKeys.Host, null);
                value = configured.ConfigValues is null ? value : configured;
            }

            Report(
                context,
                contexts,
                api,
                value,
                bound ? Confidence.High : Confidence.Low,
                bound ? null : api.Library + " did not resolve; recognised by the type's name",
                NameOf(api, context.Operation, resolver, context.CancellationToken),
                // Amazon SES is reached by region; S3's and DynamoDB's stores are buckets and tables, not the region.
                value.HasText || api.Store != "ses" ? null : AwsRegionOf(context.Operation, context.CancellationToken));
        }

        /// <summary>
        /// The type a target-typed <c>new(…)</c> makes, as the code writes it where the type is declared: the member's return
        /// type (<c>OleDbConnection Reports() =&gt; new(cs)</c>, <c>return new(cs);</c>) or the variable's, field's or
        /// property's type. The compiler's own error type for it has no name.
        /// </summary>
        private static string? ExpectedTypeName(ImplicitObjectCreationExpressionSyntax creation)
        {
            TypeSyntax? declared = creation.Parent switch
            {
                ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => method.ReturnType,
                ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
                ReturnStatementSyntax => creation.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.ReturnType,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax variable } } => variable.Type,
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
                _ => null,
            };
            var name = declared switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            return name is null or "var" ? null : name;
        }

        /// <summary>
        /// The API an unresolved type name stands for: the one whose namespace the file imports or the syntax names
        /// (<c>SqlConnection</c> under <c>using Microsoft.Data.SqlClient;</c>), else the first of that name. Never
        /// System.Net.Mail's <c>SmtpClient</c>: the framework always resolves it, so an unresolved one is MailKit's, whose
        /// creation is not its connection (its <c>Connect</c> is).
        /// </summary>
        private static DataStoreApi? ByName(string name, SyntaxNode creation)
        {
            var candidates = DataStoreApi.Constructors.Where(a => a.SimpleName == name && a.TypeName != "System.Net.Mail.SmtpClient").ToList();
            if (candidates.Count <= 1)
            {
                return candidates.FirstOrDefault();
            }

            var written = creation is ObjectCreationExpressionSyntax { Type: var typeSyntax } ? typeSyntax.ToString().Replace("global::", string.Empty) : name;
            var imported = creation.SyntaxTree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<UsingDirectiveSyntax>()
                .Select(u => u.Name?.ToString())
                .ToList();
            return candidates.FirstOrDefault(a => written.IndexOf('.') > 0 && a.TypeName.EndsWith(written, StringComparison.Ordinal))
                ?? candidates.FirstOrDefault(a => imported.Contains(a.TypeName.Substring(0, a.TypeName.Length - a.SimpleName.Length - 1)))
                ?? candidates[0];
        }

        /// <summary>
        /// The AWS region a client is made for (<c>new AmazonSimpleEmailServiceClient(RegionEndpoint.EUWest1)</c>,
        /// <c>RegionEndpoint.GetBySystemName("eu-west-1")</c>): the store of a service reached by region, <c>ses:eu-west-1</c>.
        /// </summary>
        private static string? AwsRegionOf(IOperation creation, System.Threading.CancellationToken cancellationToken)
        {
            var arguments = creation switch
            {
                IObjectCreationOperation bound => bound.Arguments.Select(a => a.Value.Syntax).OfType<ExpressionSyntax>(),
                IInvalidOperation { Syntax: ObjectCreationExpressionSyntax { ArgumentList: { } list } } => list.Arguments.Select(a => a.Expression),
                _ => Enumerable.Empty<ExpressionSyntax>(),
            };
            foreach (var argument in arguments)
            {
                switch (argument)
                {
                    case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "RegionEndpoint" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RegionEndpoint" }, Name.Identifier.ValueText: var field }:
                        return RegionName(field);
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetBySystemName" }, ArgumentList.Arguments: { Count: 1 } region }
                        when creation.SemanticModel?.GetConstantValue(region[0].Expression, cancellationToken).Value is string systemName:
                        return systemName;
                }
            }

            return null;
        }

        /// <summary><c>EUWest1</c> → <c>eu-west-1</c>, <c>USGovCloudWest1</c> → <c>us-gov-west-1</c>, <c>APSoutheast2</c> → <c>ap-southeast-2</c>.</summary>
        private static string RegionName(string field)
        {
            var parts = System.Text.RegularExpressions.Regex.Matches(field, "^[A-Z]{2}|[A-Z][a-z]+|[0-9]+")
                .Cast<System.Text.RegularExpressions.Match>()
                .Select(m => m.Value.ToLowerInvariant())
                .Select(p => p == "cloud" ? string.Empty : p)
                .Where(p => p.Length > 0);
            return string.Join("-", parts);
        }

        /// <summary>
        /// A settings object handed to a client in place of its address (<c>new ElasticClient(new ConnectionSettings(new
        /// Uri(url)))</c>, Redis's <c>Connect(ConfigurationOptions.Parse(cs))</c>): the address it was made from.
        /// </summary>
        private static IOperation Settings(IOperation argument, System.Threading.CancellationToken cancellationToken)
        {
            var unwrapped = CallSite.Unwrap(argument);
            if (unwrapped is IObjectCreationOperation { Type: { SpecialType: SpecialType.None } settings, Arguments.Length: > 0 } creation
                && settings.Name != "Uri" && settings.Name.EndsWith("Settings", StringComparison.Ordinal))
            {
                return creation.Arguments[0].Value;
            }

            // StackExchange.Redis: Connect(ConfigurationOptions.Parse(cs, true)), also through the local it was put in.
            var parsed = unwrapped is ILocalReferenceOperation ? CallSite.Unwrap(MemberAssignments.ValueOrInitializer(unwrapped, cancellationToken)) : unwrapped;
            return parsed is IInvocationOperation { TargetMethod: { Name: "Parse", ContainingType.Name: "ConfigurationOptions" }, Arguments.Length: > 0 } parse
                ? parse.Arguments[0].Value
                : argument;
        }

        /// <summary>
        /// The value given to a property of what the operation creates: in its object initializer, or assigned to the local
        /// or field the creation is stored in, within the member that creates it.
        /// </summary>
        private static IOperation? AssignedProperty(IOperation operation, string property, System.Threading.CancellationToken cancellationToken)
        {
            if (operation is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && target.Property.Name == property)
                    {
                        return assignment.Value;
                    }
                }
            }

            if (operation is IInvalidOperation { Syntax: BaseObjectCreationExpressionSyntax { Initializer: { } unbound } } && operation.SemanticModel is { } unboundModel)
            {
                // The type did not resolve: the initializer is still syntax, and its value may bind.
                var assigned = unbound.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == property);
                return assigned is null ? null : unboundModel.GetOperation(assigned.Right, cancellationToken);
            }

            var parent = operation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            var holder = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => (ISymbol)declarator.Symbol,
                ISimpleAssignmentOperation assignment => MemberAssignments.ReferencedSymbol(assignment.Target),
                // this._connection = new SqlConnection() where the type did not resolve: the assignment is as invalid as its value.
                IInvalidOperation { Syntax: AssignmentExpressionSyntax { Left: var left } } when operation.SemanticModel is { } invalidModel =>
                    invalidModel.GetSymbolInfo(left, cancellationToken).Symbol?.OriginalDefinition,
                _ => null,
            };
            var scope = operation.Syntax.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax);
            if (holder is null || scope is null || operation.SemanticModel is not { } model)
            {
                return null;
            }

            return MemberAssignments.FindAssignedValue(holder, property, scope, model, cancellationToken)
                ?? (operation is IInvalidOperation ? UnboundAssignment(holder, property, scope, model, cancellationToken) : null);
        }

        /// <summary><c>connection.ConnectionString = …</c> on a local whose type did not resolve: the local still binds, the property does not.</summary>
        private static IOperation? UnboundAssignment(ISymbol holder, string property, SyntaxNode scope, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                // connection.ConnectionString = …, or this._connection.ConnectionString = … (a TableAdapter's field).
                if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } left && name == property
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(left.Expression, cancellationToken).Symbol?.OriginalDefinition, holder.OriginalDefinition))
                {
                    return model.GetOperation(assignment.Right, cancellationToken);
                }
            }

            return null;
        }

        /// <summary>The store's part an argument names (a container, a table, a share): <c>new BlobContainerClient(cs, "invoices")</c> → <c>invoices</c>.</summary>
        private static string? NameOf(DataStoreApi api, IOperation creation, ValueResolver resolver, System.Threading.CancellationToken cancellationToken)
        {
            if (api.NameArgument is not { } ordinal)
            {
                return null;
            }

            var named = creation switch
            {
                IObjectCreationOperation bound => bound.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal && a.Parameter.Type.SpecialType == SpecialType.System_String)?.Value,
                // Unbound: the argument at that position, when it is a string.
                IInvalidOperation { Syntax: ObjectCreationExpressionSyntax { ArgumentList.Arguments: var arguments } } when arguments.Count > ordinal =>
                    creation.SemanticModel?.GetOperation(arguments[ordinal].Expression, cancellationToken) is { Type.SpecialType: SpecialType.System_String } argument ? argument : null,
                _ => null,
            };
            return named is not null && resolver.Resolve(CallSite.Unwrap(named), cancellationToken) is { IsFullyResolved: true, Text: { Length: > 0 } name } ? name : null;
        }

        /// <summary><c>options.UseSqlServer(cs)</c>, <c>NpgsqlDataSource.Create(cs)</c>, <c>ConnectionMultiplexer.Connect(cs)</c>.</summary>
        private static void AnalyzeCall(OperationAnalysisContext context, ValueResolver resolver, ContextTypes contexts)
        {
            if (context.Operation.Syntax is ConstructorInitializerSyntax initializer)
            {
                AnalyzeContextBase(context, initializer, resolver, contexts);
                return;
            }

            if (context.Operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access } invocation)
            {
                return;
            }

            if (context.Operation is IInvocationOperation transfer && AnalyzeFileTransfer(context, transfer, resolver, contexts))
            {
                return;
            }

            if (context.Operation is IInvalidOperation unboundCreate && name is "Create" or "CreateDefault" && IsWebRequestType(access.Expression, context))
            {
                // WebRequest.Create(ConfigurationManager.AppSettings["Ftp"] + file) with the configuration package missing: the
                // call does not bind, the cast to FtpWebRequest (or the address) still says FTP.
                var value = resolver.Resolve(FirstArgument(unboundCreate, invocation.ArgumentList), context.CancellationToken);
                if (FileTransfers.IsFtp(value.Text) || FileTransfers.IsCastToFtp(unboundCreate))
                {
                    Report(context, contexts, FileTransfers.FtpRequest, value, Confidence.Medium, "the call did not bind (an argument's type did not resolve); recognised by WebRequest.Create");
                }

                return;
            }

            if (name == "CreateConnection" && context.Operation is IInvocationOperation { TargetMethod.ContainingType: var factory } creation && IsProviderFactory(factory))
            {
                AnalyzeProviderFactory(context, creation, access, resolver, contexts);
                return;
            }

            if (!DataStoreApi.CallsByMember.Contains(name))
            {
                return;
            }

            var candidates = DataStoreApi.CallsByMember[name].ToList();

            if (context.Operation is IInvocationOperation bound)
            {
                var method = bound.TargetMethod.ReducedFrom ?? bound.TargetMethod;
                // Declared on the type, inherited by it (MailKit's SmtpClient.Connect is MailService's), or on a type that
                // implements it (MongoClient.GetDatabase is IMongoClient's, AmazonS3Client.PutObjectAsync is IAmazonS3's).
                var api = candidates.FirstOrDefault(a => method.ContainingType.IsOrInheritsName(a.TypeName) || bound.Instance?.Type.IsOrInheritsName(a.TypeName) == true)
                    // EF Core providers move their extension classes between versions; the namespace and name hold.
                    ?? candidates.FirstOrDefault(a => a.TypeName.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal)
                        && method.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore")
                    // Aspire's integration classes are named per package and version; namespace, prefix and method hold.
                    ?? candidates.FirstOrDefault(a => a.TypeName.StartsWith(DataStoreApi.AspireNamespace + ".Aspire", StringComparison.Ordinal)
                        && method.ContainingNamespace?.ToDisplayString() == DataStoreApi.AspireNamespace
                        && method.ContainingType?.Name.StartsWith("Aspire", StringComparison.Ordinal) == true);
                if (api is null)
                {
                    return;
                }

                var connection = bound.Arguments.Where(a => a.Parameter?.Ordinal == (method.IsExtensionMethod ? 1 : 0)).Select(a => a.Value).FirstOrDefault();
                ReportCall(context, contexts, api, invocation, connection, resolver, Confidence.High, null);
                return;
            }

            // Unbound: a provider call is distinctive by name; a factory needs its type named at the call.
            var receiverType = context.Operation.SemanticModel?.GetTypeInfo(access.Expression, context.CancellationToken).Type;
            var byName = candidates.FirstOrDefault(a => a.TypeName.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal)
                || a.TypeName.StartsWith(DataStoreApi.AspireNamespace + ".Aspire", StringComparison.Ordinal)
                || a.TypeName.StartsWith(DataStoreApi.DependencyInjection + ".", StringComparison.Ordinal)
                || (access.Expression is IdentifierNameSyntax { Identifier.ValueText: var receiver } && receiver == a.SimpleName)
                // …or a variable of that type, or of the class that implements it (AmazonS3Client for IAmazonS3).
                || (receiverType is IErrorTypeSymbol && (receiverType.Name == a.SimpleName || "I" + receiverType.Name == a.SimpleName))
                // client.GetDatabase("shop").GetCollection<T>("orders"): MongoDB's shape, whatever the client's type.
                || (a.Member == "GetCollection" && access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetDatabase" } }));
            if (byName is not null)
            {
                ReportCall(context, contexts, byName, invocation, FirstArgument((IInvalidOperation)context.Operation, invocation.ArgumentList), resolver, Confidence.Low, byName.Library + " did not resolve; recognised by " + name);
            }
        }

        /// <summary>
        /// A call's store: its connection argument; the property its options lambda sets (<c>o =&gt; o.Configuration =
        /// cs</c>); a connection string named in the configuration (<c>CreateDatabase("Orders")</c>); a MongoDB collection
        /// with the database it is in. A provider call that names no connection inside another store's registration
        /// (<c>AddNpgsqlDbContext&lt;T&gt;("db", o =&gt; o.UseNpgsql(n =&gt; n.UseVector()))</c>) is that registration's.
        /// </summary>
        private static void ReportCall(OperationAnalysisContext context, ContextTypes contexts, DataStoreApi api, InvocationExpressionSyntax invocation, IOperation? connection, ValueResolver resolver, string confidence, string? reason)
        {
            if (api.Bucket)
            {
                if (BucketOf(context.Operation, invocation, resolver, context.CancellationToken) is { IsFullyResolved: true, Text: { Length: > 0 } bucket } named)
                {
                    Report(context, contexts, api, named, confidence, reason, storeName: bucket);
                }

                return;
            }

            if (api.ClientUse)
            {
                ReportClientUse(context, contexts, api, invocation, resolver, confidence, reason);
                return;
            }

            var lambda = CallSite.Unwrap(connection) is IDelegateCreationOperation or IAnonymousFunctionOperation ? connection : null;
            connection = lambda is null ? connection : null;
            if (api.Member!.StartsWith("Execute", StringComparison.Ordinal) && connection?.Type?.SpecialType is not (SpecialType.System_String or null))
            {
                // SqlHelper.ExecuteReader(connection, …): the connection was opened, and reported, where it was created.
                return;
            }

            if (api.Member == "GetDatabase" && api.Store == "mongodb" && invocation.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetCollection", Parent: InvocationExpressionSyntax })
            {
                // client.GetDatabase("shop").GetCollection<Order>("orders"): the collection names the database too.
                return;
            }

            var value = connection is null ? ResolvedValue.None : resolver.Resolve(CallSite.Unwrap(Settings(connection, context.CancellationToken)), context.CancellationToken);
            if (connection is null && api.TargetProperty is { } property && context.Operation.SemanticModel is { } model)
            {
                var assigned = invocation.ArgumentList.Arguments
                    .Select(a => a.Expression).OfType<LambdaExpressionSyntax>()
                    .SelectMany(l => l.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    .FirstOrDefault(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var assignedName } && assignedName == property);
                value = assigned is null ? value : resolver.Resolve(model.GetOperation(assigned.Right, context.CancellationToken), context.CancellationToken);
            }

            if (!value.HasText && value.ConfigKey is null && invocation.Ancestors().OfType<InvocationExpressionSyntax>().Any(IsStoreRegistration))
            {
                return;
            }

            if (api.ConnectionName && value.IsFullyResolved && value.Text is { } connectionName && connectionName.IndexOf(';') < 0)
            {
                value = resolver.FromConfiguration("ConnectionStrings:" + connectionName, connection?.Syntax.ToString());
            }

            var part = api.NameArgument is { } ordinal ? ArgumentText(context.Operation, invocation, ordinal, resolver, context.CancellationToken) : null;
            if (api.Member == "GetCollection")
            {
                // The collection is the part; the database is the receiver's GetDatabase("shop"), followed through a local or field.
                part = value.IsFullyResolved ? value.Text : null;
                value = DatabaseOf(context.Operation, invocation, resolver, context.CancellationToken);
            }

            Report(context, contexts, api, value, confidence, reason, part);
        }

        /// <summary>
        /// The bucket an S3 call names: its <c>bucketName</c> argument, or the <c>BucketName</c> of the request it is
        /// handed (created in the call, or in the local or field the call reads). A bucket's name is no secret: its value
        /// per configuration file is kept as it is.
        /// </summary>
        private static ResolvedValue BucketOf(IOperation operation, InvocationExpressionSyntax invocation, ValueResolver resolver, System.Threading.CancellationToken cancellationToken)
        {
            IOperation? named = null;
            if (operation is IInvocationOperation bound)
            {
                named = bound.Arguments.FirstOrDefault(a => a.Parameter?.Name == "bucketName")?.Value;
                if (named is null && bound.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name.EndsWith("Request", StringComparison.Ordinal) == true) is { } request)
                {
                    var creation = CallSite.Unwrap(MemberAssignments.ValueOrInitializer(request.Value, cancellationToken)) ?? CallSite.Unwrap(request.Value);
                    named = creation is IObjectCreationOperation { Initializer: { } initializer }
                        ? initializer.Initializers.OfType<ISimpleAssignmentOperation>().FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "BucketName" })?.Value
                        : null;
                }
            }
            else if (operation.SemanticModel is { } model)
            {
                // Unbound: a request created in the call with BucketName = …, or a first argument named like a bucket.
                var initializer = invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<BaseObjectCreationExpressionSyntax>().Select(c => c.Initializer).FirstOrDefault(i => i is not null);
                var assigned = initializer?.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "BucketName" });
                named = assigned is null ? null : model.GetOperation(assigned.Right, cancellationToken);
            }

            return named is null ? ResolvedValue.None : resolver.Resolve(CallSite.Unwrap(named), cancellationToken);
        }

        /// <summary>The provider-agnostic data access of ADO.NET: a <c>DbProviderFactory</c> or one of its providers' factories.</summary>
        private static bool IsProviderFactory(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == "System.Data.Common.DbProviderFactory")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>DbProviderFactories.GetFactory("System.Data.SqlClient").CreateConnection()</c>, then
        /// <c>connection.ConnectionString = cs</c>: the store from the provider's invariant name (or the factory's type),
        /// the target from the connection string given to the connection it creates.
        /// </summary>
        private static void AnalyzeProviderFactory(OperationAnalysisContext context, IInvocationOperation creation, MemberAccessExpressionSyntax access, ValueResolver resolver, ContextTypes contexts)
        {
            var receiver = CallSite.Unwrap(MemberAssignments.ValueOrConstruction(creation.Instance, context.CancellationToken)) ?? CallSite.Unwrap(creation.Instance);
            var provider = receiver switch
            {
                IInvocationOperation { TargetMethod.Name: "GetFactory", Arguments: { Length: > 0 } arguments } when arguments[0].Value.Type?.SpecialType == SpecialType.System_String =>
                    resolver.Resolve(CallSite.Unwrap(arguments[0].Value), context.CancellationToken).Text,
                _ => creation.Instance?.Type?.ContainingNamespace?.ToDisplayString(),
            };
            var store = ProviderStore(provider);
            var value = resolver.Resolve(CallSite.Unwrap(AssignedProperty(creation, "ConnectionString", context.CancellationToken)), context.CancellationToken);
            var api = new DataStoreApi("System.Data.Common", "System.Data.Common.DbProviderFactory", "CreateConnection", store, FindingKinds.Database);
            Report(context, contexts, api, value, Confidence.High, null);
        }

        /// <summary>The store an ADO.NET provider's invariant name (or namespace) stands for; <c>db</c> when it is not one the rule knows.</summary>
        private static string ProviderStore(string? provider) => provider switch
        {
            "System.Data.SqlClient" or "Microsoft.Data.SqlClient" => "sqlserver",
            "Npgsql" => "postgres",
            "MySql.Data.MySqlClient" or "MySqlConnector" => "mysql",
            "System.Data.SQLite" or "Microsoft.Data.Sqlite" => "sqlite",
            "Oracle.ManagedDataAccess.Client" or "Oracle.DataAccess.Client" => "oracle",
            "System.Data.OleDb" => "oledb",
            "System.Data.Odbc" => "odbc",
            _ => "db",
        };

        /// <summary>Whether a call registers a data store (an Aspire client integration, a cache), so what it nests configures that store.</summary>
        private static bool IsStoreRegistration(InvocationExpressionSyntax call) =>
            call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name }
            && DataStoreApi.Calls.Any(a => a.Member == name && a.TypeName.StartsWith(DataStoreApi.AspireNamespace + ".Aspire", StringComparison.Ordinal));

        /// <summary>The database a MongoDB collection is taken from: <c>GetDatabase("shop")</c> at the receiver, or where the receiver was initialised.</summary>
        private static ResolvedValue DatabaseOf(IOperation operation, InvocationExpressionSyntax invocation, ValueResolver resolver, System.Threading.CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax access || operation.SemanticModel is not { } model)
            {
                return ResolvedValue.None;
            }

            var receiver = model.GetOperation(access.Expression, cancellationToken);
            var origin = CallSite.Unwrap(MemberAssignments.ValueOrConstruction(receiver, cancellationToken)) ?? CallSite.Unwrap(receiver);
            var database = origin switch
            {
                IInvocationOperation { TargetMethod.Name: "GetDatabase" } getDatabase => getDatabase.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value,
                IInvalidOperation { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetDatabase" }, ArgumentList.Arguments.Count: > 0 } call } =>
                    model.GetOperation(call.ArgumentList.Arguments[0].Expression, cancellationToken),
                _ => null,
            };
            return database is null ? ResolvedValue.None : resolver.Resolve(CallSite.Unwrap(database), cancellationToken);
        }

        /// <summary>
        /// An Entity Framework 6 or LINQ to SQL context: <c>class BillingContext : DbContext { public BillingContext() :
        /// base("name=BillingDb") { } }</c>. The argument is a connection string, <c>name=</c> a connection string of the
        /// configuration (web.config's <c>connectionStrings</c>), or a bare name: the connection string of that name when
        /// one is configured, else the database EF6 creates under that name.
        /// </summary>
        private static void AnalyzeContextBase(OperationAnalysisContext context, ConstructorInitializerSyntax initializer, ValueResolver resolver, ContextTypes contexts)
        {
            if (!initializer.ThisOrBaseKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.BaseKeyword) || initializer.ArgumentList.Arguments.Count == 0
                || context.ContainingSymbol.ContainingType?.BaseType is not { } baseType)
            {
                return;
            }

            var api = baseType.TypeKind == TypeKind.Error ? DataStoreApi.Contexts.FirstOrDefault(a => baseType.Name == a.SimpleName) : contexts.LegacyOf(baseType);
            if (api is null || context.Operation.SemanticModel is not { } model)
            {
                return;
            }

            var argument = model.GetOperation(initializer.ArgumentList.Arguments[0].Expression, context.CancellationToken);
            if (argument?.Type?.SpecialType is not (SpecialType.System_String or null))
            {
                return;
            }

            var value = resolver.Resolve(argument, context.CancellationToken);
            if (value.IsFullyResolved && value.Text is { } text && text.IndexOf(';') < 0)
            {
                var name = text.StartsWith("name=", StringComparison.OrdinalIgnoreCase) ? text.Substring("name=".Length).Trim() : text;
                var configured = resolver.FromConfiguration("ConnectionStrings:" + name, initializer.ArgumentList.Arguments[0].Expression.ToString());
                value = configured.ConfigValues is not null || text.StartsWith("name=", StringComparison.OrdinalIgnoreCase) ? configured : value;
            }

            var resolved = baseType.TypeKind != TypeKind.Error;
            Report(context, contexts, api, value, resolved ? Confidence.High : Confidence.Low, resolved ? null : api.Library + " did not resolve; the context recognised by its base type's name");
        }

        /// <summary>
        /// The context a database call configures: the type argument of the registration whose lambda holds the provider
        /// call (<c>AddDbContext&lt;T&gt;</c>, <c>AddDbContextPool&lt;T&gt;</c>, <c>AddDbContextFactory&lt;T&gt;</c>, Aspire's
        /// <c>AddNpgsqlDbContext&lt;T&gt;</c>), or the context class itself (its <c>OnConfiguring</c>, its base constructor).
        /// </summary>
        private static string? ContextOf(OperationAnalysisContext context, ContextTypes contexts)
        {
            foreach (var node in context.Operation.Syntax.AncestorsAndSelf())
            {
                if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic } }
                    && (generic.Identifier.ValueText.EndsWith("DbContext", StringComparison.Ordinal)
                        || generic.Identifier.ValueText is "AddDbContextPool" or "AddDbContextFactory" or "AddPooledDbContextFactory"))
                {
                    var name = generic.TypeArgumentList.Arguments[0].ToString();
                    return name.Substring(name.LastIndexOf('.') + 1);
                }
            }

            var type = context.ContainingSymbol.ContainingType;
            return type is not null && (contexts.IsContext(type) || type.BaseType is IErrorTypeSymbol { Name: "DbContext" or "DataContext" }) ? type.Name : null;
        }

        /// <summary>
        /// The context base types of a compilation (EF Core's, and the legacy ones of <see cref="DataStoreApi.Contexts"/>),
        /// looked up when a finding or a base constructor call first asks, once per compilation: the first lookup of a name
        /// asks every referenced assembly, and most compilations never ask.
        /// </summary>
        private sealed class ContextTypes
        {
            private readonly Compilation _compilation;
            private readonly Lazy<ImmutableArray<(DataStoreApi Api, INamedTypeSymbol Type)>> _legacy;

            public ContextTypes(Compilation compilation)
            {
                _compilation = compilation;
                _legacy = new Lazy<ImmutableArray<(DataStoreApi Api, INamedTypeSymbol Type)>>(
                    () => DataStoreApi.Contexts
                        .Select(api => (api, type: compilation.GetBestTypeByMetadataName(api.TypeName)))
                        .Where(pair => pair.type is not null)
                        .Select(pair => (pair.api, pair.type!))
                        .ToImmutableArray(),
                    System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            }

            /// <summary>The legacy context API a type derives from (EF6, LINQ to SQL), if any.</summary>
            public DataStoreApi? LegacyOf(ITypeSymbol type) => _legacy.Value.FirstOrDefault(pair => type.IsOrInherits(pair.Type)).Api;

            public bool IsContext(ITypeSymbol type) =>
                type.IsOrInherits(_compilation.GetBestTypeByMetadataName(KnownTypeNames.Microsoft_EntityFrameworkCore_DbContext)) || LegacyOf(type) is not null;
        }

        private static IOperation? FirstArgument(IInvalidOperation invalid, ArgumentListSyntax? arguments)
        {
            if (arguments is null || arguments.Arguments.Count == 0 || invalid.SemanticModel is not { } model)
            {
                return null;
            }

            // configuration["Redis"]! : the null-forgiving operator has no operation of its own.
            var expression = arguments.Arguments[0].Expression;
            while (expression is PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppressed)
            {
                expression = suppressed.Operand;
            }

            return model.GetOperation(expression);
        }

        /// <summary>
        /// A MongoDB client made for a server (<c>mongodb://nosql.data</c>) and no database: its data lives in the databases
        /// <c>GetDatabase</c> names, which the services of one compose file each have their own of on a server they share.
        /// </summary>
        private static bool IsServerOnly(DataStoreApi api, string store, string? part) =>
            api.Store == "mongodb" && part is null && store.IndexOf('/') < 0 && api.Member is null or "AddMongoDBClient";

        private static void Report(OperationAnalysisContext context, ContextTypes contexts, DataStoreApi api, IOperation? connection, ValueResolver resolver, string confidence, string? reason) =>
            Report(context, contexts, api, connection is null ? ResolvedValue.None : resolver.Resolve(CallSite.Unwrap(connection), context.CancellationToken), confidence, reason);

        private static void Report(OperationAnalysisContext context, ContextTypes contexts, DataStoreApi api, ResolvedValue value, string confidence, string? reason, string? part = null, string? storeName = null, string? client = null)
        {
            var store = storeName ?? Describe(api.Store, value);
            var target = api.Store + ":" + store + (part is null ? string.Empty : "/" + part);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, api.Kind);
            properties.Add(FindingProperties.Library, api.Library);
            properties.Add(FindingProperties.Target, target);
            properties.Add(FindingProperties.Store, api.Store);
            properties.Add(FindingProperties.StoreUse, api.Use);
            properties.Add(FindingProperties.StoreScope, IsServerOnly(api, store, part) ? "server" : null);
            properties.Add(FindingProperties.StoreClient, client);
            properties.Add(FindingProperties.DesignTime, IsDesignTimeFactory(context.ContainingSymbol.ContainingType) ? "true" : null);
            properties.Add(FindingProperties.DbContext, api.Kind == FindingKinds.Database ? ContextOf(context, contexts) : null);
            properties.Add(FindingProperties.TargetSource, value.HasText ? value.Source : TargetSources.Unresolved);
            properties.Add(FindingProperties.ConfigKey, value.ConfigKey);

            // Each configuration file's value, as the store it names: the connection strings themselves hold passwords.
            properties.Add(FindingProperties.ConfigValues, storeName is null ? PerFile(api.Store, value.ConfigValues) : value.ConfigValues);
            properties.Add(FindingProperties.Confidence, confidence);
            properties.Add(FindingProperties.ConfidenceReason, reason);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + target);
            var syntax = context.Operation.Syntax;
            var span = CallLocations.SpanOf(syntax);
            properties.Add(FindingProperties.Evidence, EvidenceSnippets.WithoutLiterals(syntax, span));
            var rule = api.Kind switch
            {
                FindingKinds.Cache => CacheRule,
                FindingKinds.BlobStorage => StorageRule,
                FindingKinds.Smtp => MailRule,
                _ => DatabaseRule,
            };
            context.ReportDiagnostic(Diagnostic.Create(rule, Location.Create(syntax.SyntaxTree, span), properties.ToImmutable(), api.Library, target));
        }

        /// <summary>
        /// A factory only EF Core's tools call (<c>dotnet ef migrations</c>): its connection string is the developer's
        /// (<c>Server=.</c>), not where the service runs. By the interface's name, so it holds when EF Core did not resolve.
        /// </summary>
        private static bool IsDesignTimeFactory(INamedTypeSymbol? type) =>
            type is not null && type.AllInterfaces.Any(i => i.Name == "IDesignTimeDbContextFactory")
            || type?.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax { BaseList: { } bases }
                && bases.Types.Any(b => b.Type is GenericNameSyntax { Identifier.ValueText: "IDesignTimeDbContextFactory" }
                    || b.Type is QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "IDesignTimeDbContextFactory" } })) == true;

        /// <summary>The store the value names; a configuration key nobody sets or a hole stays visible as itself.</summary>
        private static string Describe(string store, ResolvedValue value)
        {
            if (value.ConfigKey is not null && value.ConfigValues is null && !value.ConfigKey.StartsWith("env:", StringComparison.Ordinal))
            {
                if (value.ConfigKey.StartsWith("settings:", StringComparison.Ordinal))
                {
                    // A setting of the application's own settings object is already named as one: {settings:GlobalSettings.Sql.ConnectionString}.
                    // One that holds a credential (an SES client given its AccessKeyId first, SendGrid its ApiKey) names no store.
                    var setting = value.ConfigKey.Substring(value.ConfigKey.LastIndexOf('.') + 1);
                    return Secrets.CredentialNames.Default.Match(setting) is null ? "{" + value.ConfigKey + "}" : TargetSources.Unresolved;
                }

                return "{config:" + value.ConfigKey + "}";
            }

            if (!value.HasText)
            {
                return TargetSources.Unresolved;
            }

            if (value.Source == TargetSources.Environment)
            {
                return value.TargetText() ?? TargetSources.Unresolved;
            }

            return ConnectionStrings.Describe(store, value.Text!) ?? TargetSources.Unresolved;
        }

        /// <summary><c>appsettings.json=Server=db1;…; appsettings.Development.json=…</c> → <c>appsettings.json=db1/orders; …</c>.</summary>
        private static string? PerFile(string store, string? configValues)
        {
            if (configValues is null)
            {
                return null;
            }

            var files = ConfigurationFileValues(configValues);
            return files.Count == 0 ? null : string.Join("; ", files.Select(f => f.File + "=" + (ConnectionStrings.Describe(store, f.Value) ?? "?")));
        }

        /// <summary>Splits <c>a.json=v1; b.json=v2</c> at the file names, since a connection string holds '=' and ';' itself.</summary>
        private static System.Collections.Generic.List<(string File, string Value)> ConfigurationFileValues(string configValues)
        {
            var result = new System.Collections.Generic.List<(string, string)>();
            var matches = System.Text.RegularExpressions.Regex.Matches(configValues, @"(?:^|; )(?<file>[^=;\s]+\.(?:json|config|ya?ml|env|pubxml))=");
            for (var i = 0; i < matches.Count; i++)
            {
                var start = matches[i].Index + matches[i].Length;
                var end = i + 1 < matches.Count ? matches[i + 1].Index : configValues.Length;
                result.Add((matches[i].Groups["file"].Value, configValues.Substring(start, end - start)));
            }

            return result;
        }
    }
}
