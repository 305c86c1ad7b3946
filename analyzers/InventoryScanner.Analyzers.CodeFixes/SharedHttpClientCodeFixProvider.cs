using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace InventoryScanner.Analyzers.CodeFixes
{
    /// <summary>
    /// INV1004: stop creating an HttpClient per call. Where an <c>IHttpClientFactory</c> is reachable the creation becomes
    /// <c>factory.CreateClient()</c>. Otherwise the client becomes one <c>static readonly</c> field of the type, shared by
    /// every call, provided the call does not configure it (a shared client's BaseAddress, headers or timeout would leak
    /// between callers) and does not dispose of it outside a <c>using</c> that the fix removes.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SharedHttpClientCodeFixProvider))]
    public sealed class SharedHttpClientCodeFixProvider : CodeFixProvider
    {
        private const string SharedFieldName = "SharedHttpClient";

        /// <summary>Members whose use makes a client per-caller state: a shared client must not be configured or disposed per call.</summary>
        private static readonly ImmutableHashSet<string> PerCallMembers = ImmutableHashSet.Create(
            "BaseAddress", "Timeout", "DefaultRequestHeaders", "DefaultRequestVersion", "DefaultVersionPolicy",
            "MaxResponseContentBufferSize", "Dispose", "CancelPendingRequests");

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.HttpClientPerCall);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) => await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var plan = PlanFor(root, model, diagnostic, context.CancellationToken);
                if (plan is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        plan.Factory is not null ? "Create the client with IHttpClientFactory" : "Share one static HttpClient",
                        cancellationToken => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        nameof(SharedHttpClientCodeFixProvider)),
                    diagnostic);
            }
        }

        private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var plans = diagnostics.Select(d => PlanFor(root, model, d, cancellationToken)).OfType<Plan>().ToList();
            if (plans.Count == 0)
            {
                return document;
            }

            // Every edit is computed on the original tree, then applied at once: nodes replaced, statements removed,
            // using statements unwrapped, and one shared field added to each type that needs it.
            var replace = new Dictionary<SyntaxNode, SyntaxNode>();
            var remove = new HashSet<SyntaxNode>();
            var unwrap = new HashSet<UsingStatementSyntax>();
            var typesNeedingField = new HashSet<TypeDeclarationSyntax>();
            foreach (var plan in plans)
            {
                if (plan.Factory is not null)
                {
                    replace[plan.Creation] = SyntaxFactory.ParseExpression(plan.Factory + ".CreateClient()").WithTriviaFrom(plan.Creation);
                    continue;
                }

                var field = plan.ExistingField ?? SharedFieldName;
                if (plan.ExistingField is null)
                {
                    typesNeedingField.Add(plan.Type!);
                }

                if (plan.Declaration is null)
                {
                    replace[plan.Creation] = SyntaxFactory.IdentifierName(field).WithTriviaFrom(plan.Creation);
                    continue;
                }

                foreach (var reference in plan.References)
                {
                    replace[reference] = SyntaxFactory.IdentifierName(field).WithTriviaFrom(reference);
                }

                if (plan.Declaration is UsingStatementSyntax usingStatement)
                {
                    unwrap.Add(usingStatement);
                }
                else
                {
                    remove.Add(plan.Declaration);
                }
            }

            var tracked = root.TrackNodes(replace.Keys.Concat(remove).Concat(unwrap).Concat(typesNeedingField));
            foreach (var pair in replace)
            {
                tracked = tracked.ReplaceNode(tracked.GetCurrentNode(pair.Key)!, pair.Value);
            }

            foreach (var usingStatement in unwrap)
            {
                var current = tracked.GetCurrentNode(usingStatement)!;
                IEnumerable<StatementSyntax> body = current.Statement is BlockSyntax block ? block.Statements : new[] { current.Statement };
                var statements = body.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
                if (statements.Count > 0)
                {
                    statements[0] = statements[0].WithLeadingTrivia(current.GetLeadingTrivia());
                }

                tracked = current.Parent is BlockSyntax
                    ? tracked.ReplaceNode(current, statements)
                    : tracked.ReplaceNode(current, SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation));
            }

            foreach (var statement in remove)
            {
                // The statement goes with its line; a comment above it stays.
                var options = statement.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
                    ? SyntaxRemoveOptions.KeepExteriorTrivia
                    : SyntaxRemoveOptions.KeepNoTrivia;
                tracked = tracked.RemoveNode(tracked.GetCurrentNode(statement)!, options)!;
            }

            var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } found ? found : "\n";
            foreach (var type in typesNeedingField)
            {
                var current = tracked.GetCurrentNode(type)!;
                var indentation = current.Members.FirstOrDefault()?.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia))
                    ?? SyntaxFactory.Whitespace("    ");
                var field = SyntaxFactory.ParseMemberDeclaration(
                        "private static readonly System.Net.Http.HttpClient " + SharedFieldName + " = new System.Net.Http.HttpClient();")!
                    .WithLeadingTrivia(indentation)
                    .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.EndOfLine(newLine))
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                tracked = tracked.ReplaceNode(current, current.WithMembers(current.Members.Insert(0, field)));
            }

            return document.WithSyntaxRoot(tracked);
        }

        private static Plan? PlanFor(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Location.SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation
                || model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol httpClient)
            {
                return null;
            }

            var factoryType = model.Compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_IHttpClientFactory);
            var factory = factoryType is null ? null : ReachableMembers.Find(model, creation, factoryType, viaPropertyName: null, cancellationToken);
            if (factory is not null)
            {
                return Plan.FromFactory(creation, factory);
            }

            // A shared client is built once, without arguments: a handler or options passed per call are per-call state.
            if (creation.ArgumentList is { Arguments.Count: > 0 } || creation.Initializer is not null
                || ReachableMembers.ContainingType(creation) is not { } type || type is InterfaceDeclarationSyntax)
            {
                return null;
            }

            var existing = type.Members.OfType<FieldDeclarationSyntax>()
                .Where(f => f.Modifiers.Any(SyntaxKind.StaticKeyword) && f.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
                .SelectMany(f => f.Declaration.Variables)
                .FirstOrDefault(v => model.GetDeclaredSymbol(v, cancellationToken) is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.Type, httpClient));
            if (existing is null && type.Members.Any(m => DeclaresName(m, SharedFieldName)))
            {
                return null;
            }

            var existingName = existing?.Identifier.ValueText;
            var declarator = creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax v } ? v : null;
            if (declarator is null)
            {
                // Used in place (new HttpClient().GetStringAsync(url)): nothing else can configure or dispose of it.
                return creation.Parent is MemberAccessExpressionSyntax or ArgumentSyntax
                    ? Plan.Shared(creation, type, existingName)
                    : null;
            }

            if (declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
            {
                return null;
            }

            SyntaxNode? statement = declaration.Parent switch
            {
                LocalDeclarationStatementSyntax { Parent: BlockSyntax } localDeclaration => localDeclaration,
                UsingStatementSyntax usingStatement => usingStatement,
                _ => null,
            };

            var scope = statement?.Parent;
            if (statement is null || scope is null)
            {
                return null;
            }

            var references = new List<IdentifierNameSyntax>();
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue;
                }

                // Configured, disposed, reassigned or handed out by reference: per-call state a shared client cannot take.
                if (identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier && PerCallMembers.Contains(access.Name.Identifier.ValueText)
                    || identifier.Parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier
                    || identifier.Parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return null;
                }

                references.Add(identifier);
            }

            return Plan.Shared(creation, type, existingName, statement, references);
        }

        private static bool DeclaresName(MemberDeclarationSyntax member, string name) => member switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Identifier.ValueText == name),
            PropertyDeclarationSyntax property => property.Identifier.ValueText == name,
            MethodDeclarationSyntax method => method.Identifier.ValueText == name,
            _ => false,
        };

        private sealed class Plan
        {
            private Plan(BaseObjectCreationExpressionSyntax creation, string? factory, TypeDeclarationSyntax? type, string? existingField, SyntaxNode? declaration, IReadOnlyList<IdentifierNameSyntax> references)
            {
                Creation = creation;
                Factory = factory;
                Type = type;
                ExistingField = existingField;
                Declaration = declaration;
                References = references;
            }

            public BaseObjectCreationExpressionSyntax Creation { get; }

            /// <summary>The reachable IHttpClientFactory, when the fix creates the client from it.</summary>
            public string? Factory { get; }

            /// <summary>The type that holds (or receives) the shared field.</summary>
            public TypeDeclarationSyntax? Type { get; }

            public string? ExistingField { get; }

            /// <summary>The statement declaring the local that holds the client (a local declaration or a using statement).</summary>
            public SyntaxNode? Declaration { get; }

            /// <summary>The uses of that local, all of which read the shared field after the fix.</summary>
            public IReadOnlyList<IdentifierNameSyntax> References { get; }

            public static Plan FromFactory(BaseObjectCreationExpressionSyntax creation, string factory) =>
                new Plan(creation, factory, null, null, null, Array.Empty<IdentifierNameSyntax>());

            public static Plan Shared(BaseObjectCreationExpressionSyntax creation, TypeDeclarationSyntax type, string? existingField, SyntaxNode? declaration = null, IReadOnlyList<IdentifierNameSyntax>? references = null) =>
                new Plan(creation, null, type, existingField, declaration, references ?? Array.Empty<IdentifierNameSyntax>());
        }
    }
}
