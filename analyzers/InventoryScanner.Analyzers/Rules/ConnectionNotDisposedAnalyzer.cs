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
    /// Anti-pattern: an ADO.NET connection created in a method and never disposed — not in a <c>using</c>, not disposed
    /// or closed, not returned, stored or handed on. Each one holds a pooled connection until the garbage collector
    /// finds it: under load the pool runs dry and every call times out. A connection handed to a command
    /// (<c>new SqlCommand(sql, new SqlConnection(cs))</c>) is not disposed by it either.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("Connection")]
    public sealed class ConnectionNotDisposedAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.ConnectionNotDisposed,
            title: "Database connection not disposed",
            messageFormat: "{0} is created here and never disposed: wrap it in using",
            category: RuleCategories.Data,
            defaultSeverity: DiagnosticSeverity.Warning,
            description: "An ADO.NET connection created in a method and not disposed, closed, returned, stored or handed on: it holds a pooled connection until it is collected, and the pool runs dry under load.");

        /// <summary>The ADO.NET connection types, by full name; their simple names first, which every creation is checked against.</summary>
        private static readonly ImmutableHashSet<string> ConnectionTypeNames = DataStoreApi.Constructors
            .Where(api => api.Kind == FindingKinds.Database && api.TargetProperty == "ConnectionString")
            .Select(api => api.TypeName)
            .ToImmutableHashSet(System.StringComparer.Ordinal);

        private static readonly ImmutableHashSet<string> ConnectionNames = ConnectionTypeNames
            .Select(name => name.Substring(name.LastIndexOf('.') + 1))
            .ToImmutableHashSet(System.StringComparer.Ordinal);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(Analyze, OperationKind.ObjectCreation);
        }

        private static void Analyze(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type || type.TypeKind == TypeKind.Error
                || !ConnectionNames.Contains(type.Name) || !ConnectionTypeNames.Contains(type.ToDisplayString()))
            {
                return;
            }

            if (IsLookedAfter(creation, context.CancellationToken))
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.AntiPattern);
            properties.Add(FindingProperties.Library, type.ContainingNamespace.ToDisplayString());
            properties.Add(FindingProperties.Target, type.Name);
            properties.Add(FindingProperties.Confidence, Confidence.High);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#undisposed-" + type.Name);
            properties.Add(FindingProperties.Evidence, EvidenceSnippets.WithoutLiterals(creation.Syntax, creation.Syntax.Span));
            context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), properties.ToImmutable(), type.Name));
        }

        /// <summary>Disposed by a using, or someone else's to dispose: returned, stored in a field or property, handed to a call.</summary>
        private static bool IsLookedAfter(IObjectCreationOperation creation, System.Threading.CancellationToken cancellationToken)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IUsingOperation:
                case IReturnOperation:
                case ISimpleAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation }:
                case IFieldInitializerOperation or IPropertyInitializerOperation:
                case IMemberReferenceOperation or IInvocationOperation:
                    // new SqlConnection(cs).Query(…): Dapper opens and closes what it was handed; a member read is not a leak we can tell.
                    return true;
                case IArgumentOperation argument:
                    // Handed on: a command or adapter does not dispose its connection; anything else may own it.
                    return !(argument.Parent is IObjectCreationOperation { Type.Name: var receiver } && UsesWithoutOwning(receiver));
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    // declarator → declaration → declaration group → using (statement or declaration).
                    return declarator.Parent?.Parent?.Parent is IUsingDeclarationOperation or IUsingOperation
                        || IsLocalLookedAfter(declarator.Symbol, declarator.Syntax, cancellationToken, creation.SemanticModel);
                default:
                    // An expression-bodied factory (=> new SqlConnection(cs)) and anything not understood: no warning.
                    return true;
            }
        }

        /// <summary>A command or data adapter (<c>SqlCommand</c>, <c>OleDbDataAdapter</c>): it uses the connection it is given without disposing it.</summary>
        private static bool UsesWithoutOwning(string typeName) =>
            typeName.EndsWith("Command", System.StringComparison.Ordinal) || typeName.EndsWith("DataAdapter", System.StringComparison.Ordinal);

        /// <summary>A local that is disposed, closed, used in a using, returned, stored or handed on anywhere in its method.</summary>
        private static bool IsLocalLookedAfter(ILocalSymbol local, SyntaxNode declarator, System.Threading.CancellationToken cancellationToken, SemanticModel? model)
        {
            var body = declarator.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
            if (body is null || model is null)
            {
                return true;
            }

            foreach (var identifier in body.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.ValueText == local.Name))
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue;
                }

                switch (identifier.Parent)
                {
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dispose" or "DisposeAsync" or "Close" or "CloseAsync" } access when access.Expression == identifier:
                    case UsingStatementSyntax:
                    case ReturnStatementSyntax:
                    case ArrowExpressionClauseSyntax:
                    case AssignmentExpressionSyntax assignment when assignment.Right == identifier:
                        return true;
                    case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: var call } }:
                        // Handed on, except to a command or adapter, which use the connection without owning it.
                        var receiver = call switch
                        {
                            ObjectCreationExpressionSyntax { Type: var created } => created.ToString(),
                            _ => null,
                        };
                        if (receiver is null || !UsesWithoutOwning(receiver))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }
    }
}
