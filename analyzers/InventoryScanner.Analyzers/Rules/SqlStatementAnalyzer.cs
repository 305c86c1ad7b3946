using System;
using System.Collections.Immutable;
using System.Linq;
using InventoryScanner.Analyzers.DataStores;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory fact: SQL a component issues, with the tables it names — Dapper's <c>Query*</c>/<c>Execute*</c> on a
    /// connection, EF Core's raw SQL (<c>FromSqlRaw</c>, <c>ExecuteSqlRaw</c>, <c>SqlQuery</c>…), EF6's
    /// <c>Database.SqlQuery</c>/<c>ExecuteSqlCommand</c>, and ADO.NET commands (<c>new SqlCommand(sql, …)</c>,
    /// <c>CommandText = sql</c>, data adapters). Not an integration of its own: the connection is (INV4001); this says
    /// which tables it reaches, so two components writing one table show even when their connection strings do not.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    // The ADO.NET commands by their types' names (SqlCommand also in MySqlCommand and NpgsqlCommand; the words match
    // whatever the case), not "Command": CQRS commands and a Redis server's command table bound files for nothing.
    [TriggerWords("Query", "Execute", "FromSql", "SqlQuery", "ExecuteSql", "DataAdapter", "CommandText", "SqlCommand", "SqliteCommand", "OracleCommand", "OleDbCommand", "OdbcCommand")]
    public sealed class SqlStatementAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.SqlStatement,
            title: "SQL statement",
            messageFormat: "{0}: {1} {2}",
            category: RuleCategories.Data,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "SQL issued through Dapper, EF Core's or EF6's raw SQL, or an ADO.NET command, with the tables or the stored procedure it names. Reported as an inventory fact.");

        /// <summary>EF Core's and EF6's raw-SQL entry points, whose <c>sql</c> argument is the statement.</summary>
        private static readonly ImmutableHashSet<string> RawSql = ImmutableHashSet.Create(
            "FromSqlRaw", "FromSqlInterpolated", "FromSql", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
            "ExecuteSql", "ExecuteSqlAsync", "SqlQueryRaw", "SqlQuery", "ExecuteSqlCommand", "ExecuteSqlCommandAsync");

        /// <summary>The ADO.NET command and adapter types of the providers the data-store rule knows, by name (their first argument is the statement).</summary>
        private static readonly ImmutableHashSet<string> Commands = ImmutableHashSet.Create(
            "SqlCommand", "NpgsqlCommand", "MySqlCommand", "SqliteCommand", "SQLiteCommand", "OracleCommand", "OleDbCommand", "OdbcCommand",
            "SqlDataAdapter", "NpgsqlDataAdapter", "MySqlDataAdapter", "SQLiteDataAdapter", "OracleDataAdapter", "OleDbDataAdapter", "OdbcDataAdapter");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var resolver = new ValueResolver(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, resolver), OperationKind.Invocation, OperationKind.Invalid);
                start.RegisterOperationAction(c => AnalyzeCreation(c, resolver), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => AnalyzeAssignment(c, resolver), OperationKind.SimpleAssignment);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ValueResolver resolver)
        {
            if (context.Operation is IInvalidOperation { Syntax: ObjectCreationExpressionSyntax { Type: var created, ArgumentList.Arguments: { Count: > 0 } arguments } }
                && Commands.Contains(created.ToString().Split('.').Last()) && context.Operation.SemanticModel is { } creationModel)
            {
                // new SqlCommand(sql, connection) where the provider did not resolve.
                Report(context, "ADO.NET", creationModel.GetOperation(arguments[0].Expression, context.CancellationToken), resolver, Confidence.Low);
                return;
            }

            if (context.Operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access } invocation)
            {
                return;
            }

            var dapper = name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal) && !RawSql.Contains(name);
            if (!dapper && !RawSql.Contains(name))
            {
                return;
            }

            if (context.Operation is IInvocationOperation bound)
            {
                var method = bound.TargetMethod.ReducedFrom ?? bound.TargetMethod;
                var library = dapper
                    ? (method.ContainingType.IsDeclaredIn("Dapper") ? "Dapper" : null)
                    : method.ContainingType.IsDeclaredIn("Microsoft.EntityFrameworkCore") ? "Microsoft.EntityFrameworkCore"
                    : method.ContainingType.IsDeclaredIn("System.Data.Entity") ? "EntityFramework"
                    : null;
                var sql = bound.Arguments.FirstOrDefault(a => a.Parameter?.Name == "sql")?.Value;
                if (library is not null && sql is not null)
                {
                    Report(context, library, sql, resolver, Confidence.High);
                }

                return;
            }

            // Unbound: EF's raw-SQL names are distinctive; Dapper's only on something that reads as a connection.
            var receiver = context.Operation.SemanticModel?.GetTypeInfo(access.Expression, context.CancellationToken).Type;
            var onConnection = receiver is IErrorTypeSymbol { Name: var receiverName } && receiverName.EndsWith("Connection", StringComparison.Ordinal);
            if ((dapper && !onConnection) || invocation.ArgumentList.Arguments.Count == 0 || context.Operation.SemanticModel is not { } model)
            {
                return;
            }

            var first = invocation.ArgumentList.Arguments[0].Expression;
            Report(context, dapper ? "Dapper" : "Entity Framework", model.GetOperation(first, context.CancellationToken), resolver, Confidence.Low);
        }

        /// <summary><c>new SqlCommand("select …", connection)</c>, <c>new SqlDataAdapter(sql, connection)</c>, <c>new SqlCommand { CommandText = sql }</c>.</summary>
        private static void AnalyzeCreation(OperationAnalysisContext context, ValueResolver resolver)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol { TypeKind: not TypeKind.Error } type || !Commands.Contains(type.Name) || !IsAdoNet(type))
            {
                return;
            }

            var sql = creation.Arguments.FirstOrDefault(a => a.Parameter is { Ordinal: 0, Type.SpecialType: SpecialType.System_String })?.Value
                ?? (creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                    .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "CommandText" })?.Value);
            if (sql is not null)
            {
                Report(context, type.ContainingNamespace.ToDisplayString(), sql, resolver, Confidence.High);
            }
        }

        /// <summary><c>command.CommandText = "update …"</c> outside an initializer.</summary>
        private static void AnalyzeAssignment(OperationAnalysisContext context, ValueResolver resolver)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "CommandText", ContainingType: var type }, Instance: { } instance }
                && instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                && type is not null && (IsAdoNet(type) || type.ToDisplayString() is "System.Data.IDbCommand" or "System.Data.Common.DbCommand"))
            {
                Report(context, (instance.Type ?? type).ContainingNamespace.ToDisplayString(), assignment.Value, resolver, Confidence.High);
            }
        }

        /// <summary>A type of an ADO.NET provider: it derives from System.Data.Common's command or adapter classes.</summary>
        private static bool IsAdoNet(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() is "System.Data.Common.DbCommand" or "System.Data.Common.DbDataAdapter" or "System.Data.Common.DataAdapter")
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(i => i.ToDisplayString() is "System.Data.IDbCommand" or "System.Data.IDbDataAdapter");
        }

        private static void Report(OperationAnalysisContext context, string library, IOperation? sql, ValueResolver resolver, string confidence)
        {
            var value = sql is null ? ResolvedValue.None : resolver.Resolve(CallSite.Unwrap(sql), context.CancellationToken);
            var text = value.HasText ? value.Text! : null;
            var verb = text is null ? null : SqlText.VerbOf(text);
            if (text is not null && verb is null)
            {
                // Resolved, and not SQL (a stored procedure's bare name, a format string): nothing to read.
                return;
            }

            var tables = text is null ? [] : SqlText.TablesOf(text);
            var procedure = text is null ? null : SqlText.ProcedureOf(text);
            // A statement read but naming no table (SELECT NEXT VALUE FOR seq) is its verb; one the scan cannot read is unresolved.
            var target = procedure is not null ? "procedure:" + procedure
                : tables.Count > 0 ? "tables:" + string.Join(",", tables)
                : "sql:" + (verb ?? TargetSources.Unresolved);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.SqlStatement);
            properties.Add(FindingProperties.Library, library);
            properties.Add(FindingProperties.Target, target);
            properties.Add(FindingProperties.Tables, tables.Count > 0 ? string.Join(", ", tables) : null);
            properties.Add(FindingProperties.Statement, verb);
            properties.Add(FindingProperties.Procedure, procedure);
            properties.Add(FindingProperties.TargetSource, value.HasText ? value.Source : TargetSources.Unresolved);
            properties.Add(FindingProperties.Confidence, confidence);
            properties.Add(FindingProperties.ConfidenceReason, confidence == Confidence.Low ? library + " did not resolve; recognised by name" : null);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + target);
            var syntax = context.Operation.Syntax;
            properties.Add(FindingProperties.Evidence, EvidenceSnippets.WithoutLiterals(syntax, CallLocations.SpanOf(syntax)));
            context.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(syntax.SyntaxTree, CallLocations.SpanOf(syntax)), properties.ToImmutable(), library, verb ?? "sql", target));
        }
    }
}
