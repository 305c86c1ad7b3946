using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers.CodeFixes
{
    /// <summary>
    /// INV1003 and INV9001: replace a hard-coded URL or credential with an <c>IConfiguration</c> lookup.
    /// A URL moves to the project's <c>appsettings.json</c> under the new key. A credential does not: a secret committed
    /// to source control is spent, so the key is added with an empty value, and the rotated secret belongs in user
    /// secrets, the environment or a vault. The fix is offered where an <c>IConfiguration</c> is reachable (a parameter,
    /// a field, a property, <c>builder.Configuration</c>) and the literal is not in a constant context.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveToConfigurationCodeFixProvider))]
    public sealed class MoveToConfigurationCodeFixProvider : CodeFixProvider
    {
        private const string AppSettingsFileName = "appsettings.json";

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(RuleIdentifiers.HardcodedUrl, RuleIdentifiers.HardcodedCredential);

        public override FixAllProvider GetFixAllProvider() => MoveAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var move = Plan(root, model, diagnostic, context.CancellationToken);
                if (move is null)
                {
                    continue;
                }

                // The title names the key the fix will use, so reserve it against a throw-away copy of the settings.
                var settings = await SettingsOf(document.Project, context.CancellationToken).ConfigureAwait(false);
                var key = Reserve(settings.Editor, move);
                if (key is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Move to configuration key '" + key + "'",
                        cancellationToken => ApplyAsync(document.Project.Solution, new[] { (document, ImmutableArray.Create(diagnostic)) }, cancellationToken),
                        EquivalenceKey(diagnostic.Id)),
                    diagnostic);
            }
        }

        private static string EquivalenceKey(string id) => "InventoryScanner.MoveToConfiguration." + id;

        /// <summary>Applies the moves of every listed diagnostic, one settings file per project, keys shared across documents.</summary>
        private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
        {
            foreach (var project in work.GroupBy(w => w.Document.Project.Id))
            {
                var settings = await SettingsOf(solution.GetProject(project.Key)!, cancellationToken).ConfigureAwait(false);
                var original = settings.Editor?.Text;
                foreach (var (document, diagnostics) in project)
                {
                    var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (root is null || model is null)
                    {
                        continue;
                    }

                    var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
                    foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                    {
                        var move = Plan(root, model, diagnostic, cancellationToken);
                        if (move is null || replacements.ContainsKey(move.Node) || replacements.Keys.Any(n => n.Span.IntersectsWith(move.Node.Span)))
                        {
                            continue;
                        }

                        var key = Reserve(settings.Editor, move);
                        if (key is not null)
                        {
                            replacements[move.Node] = move.Replacement(key);
                        }
                    }

                    if (replacements.Count > 0)
                    {
                        solution = solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNodes(replacements.Keys, (node, _) => replacements[node]));
                    }
                }

                if (settings.Document is not null && settings.Editor is not null && !string.Equals(settings.Editor.Text, original, StringComparison.Ordinal))
                {
                    solution = solution.WithAdditionalDocumentText(settings.Document.Id, SourceText.From(settings.Editor.Text));
                }
            }

            return solution;
        }

        /// <summary>
        /// The key a move uses: the suggested one, or one numbered after it when that key already holds another value.
        /// A URL needs a settings file to hold it; a credential's key is added empty when there is one.
        /// </summary>
        private static string? Reserve(AppSettingsEditor? editor, Move move)
        {
            if (editor is null)
            {
                return move.Value is null ? move.SuggestedKey : null;
            }

            for (var attempt = 1; attempt < 100; attempt++)
            {
                var key = attempt == 1 ? move.SuggestedKey : move.SuggestedKey + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var existing = editor.ValueOf(key);
                if (existing is not null && (move.Value is null || string.Equals(existing, move.Value, StringComparison.Ordinal)))
                {
                    return key;
                }

                if (!editor.Contains(key) && editor.Add(key, move.Value ?? string.Empty))
                {
                    return key;
                }
            }

            return null;
        }

        private static async Task<(TextDocument? Document, AppSettingsEditor? Editor)> SettingsOf(Project project, CancellationToken cancellationToken)
        {
            foreach (var additional in project.AdditionalDocuments)
            {
                if (string.Equals(Path.GetFileName(additional.FilePath ?? additional.Name), AppSettingsFileName, StringComparison.OrdinalIgnoreCase))
                {
                    var text = await additional.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    return (additional, AppSettingsEditor.Open(text.ToString()));
                }
            }

            return (null, null);
        }

        private static Move? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var configuration = model.Compilation.GetBestTypeByMetadataName(KnownTypeNames.Microsoft_Extensions_Configuration_IConfiguration);
            if (configuration is null)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var isSecret = diagnostic.Id == RuleIdentifiers.HardcodedCredential;
            var target = isSecret ? SecretLiteral(node, model, cancellationToken) : UrlLiteral(node);
            if (target is null || InConstantContext(target.Value.Node))
            {
                return null;
            }

            var access = ReachableMembers.Find(model, target.Value.Node, configuration, "Configuration", cancellationToken);
            if (access is null)
            {
                return null;
            }

            var section = ReachableMembers.ContainingType(target.Value.Node)?.Identifier.ValueText ?? "App";
            string key;
            if (isSecret)
            {
                diagnostic.Properties.TryGetValue(FindingProperties.SecretKind, out var secretKind);
                diagnostic.Properties.TryGetValue(FindingProperties.Target, out var sink);
                var name = HolderName(target.Value.Node) ?? (sink is not null && SyntaxFacts.IsValidIdentifier(sink) ? sink : null);
                key = secretKind == "connection-string"
                    ? "ConnectionStrings:" + ReachableMembers.PascalName(name ?? section)
                    : section + ":" + ReachableMembers.PascalName(name ?? "Secret");
            }
            else
            {
                key = section + ":" + ReachableMembers.PascalName(HolderName(target.Value.Node) ?? HostName(target.Value.Value) + "Url");
            }

            return new Move(target.Value.Node, access, key, isSecret ? null : target.Value.Value);
        }

        /// <summary>The credential literal INV9001 points at: a string literal or a constant concatenation of them.</summary>
        private static (SyntaxNode Node, string Value)? SecretLiteral(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            if ((node is LiteralExpressionSyntax || node is BinaryExpressionSyntax || node is InterpolatedStringExpressionSyntax)
                && model.GetConstantValue(node, cancellationToken) is { HasValue: true, Value: string value })
            {
                return (node, value);
            }

            return null;
        }

        /// <summary>
        /// The one absolute-URL literal inside the call INV1003 points at: a whole string literal, or the leading text of
        /// an interpolated string (<c>$"https://host/items/{id}"</c> keeps its holes and reads its prefix from configuration).
        /// </summary>
        private static (SyntaxNode Node, string Value)? UrlLiteral(SyntaxNode node)
        {
            (SyntaxNode Node, string Value)? found = null;
            foreach (var candidate in node.DescendantNodesAndSelf())
            {
                (SyntaxNode, string)? match = candidate switch
                {
                    LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && UriText.IsAbsolute(literal.Token.ValueText)
                        => (literal, literal.Token.ValueText),
                    InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.FirstOrDefault() is InterpolatedStringTextSyntax text && UriText.IsAbsolute(text.TextToken.ValueText)
                        => (text, text.TextToken.ValueText),
                    _ => null,
                };

                if (match is null)
                {
                    continue;
                }

                if (found is not null)
                {
                    return null;
                }

                found = match;
            }

            return found;
        }

        /// <summary>The name the value is stored in: a variable, field or property it initialises, or a member it is assigned to.</summary>
        private static string? HolderName(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current.Parent)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                        return declarator.Identifier.ValueText;
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return property.Identifier.ValueText;
                    case AssignmentExpressionSyntax assignment when assignment.Right == current:
                        return assignment.Left switch
                        {
                            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                            _ => null,
                        };
                    case ArgumentSyntax { NameColon: { } nameColon }:
                        return nameColon.Name.Identifier.ValueText;
                    case ParenthesizedExpressionSyntax:
                    case CastExpressionSyntax:
                    case BinaryExpressionSyntax:
                    case InterpolatedStringExpressionSyntax:
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>"https://api.partner-rates.example/v1" → "PartnerRates"; an address without a usable name → "Endpoint".</summary>
        private static string HostName(string url)
        {
            var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
            var end = start;
            while (end < url.Length && url[end] != '/' && url[end] != ':' && url[end] != '?' && url[end] != '{')
            {
                end++;
            }

            var labels = url.Substring(start, end - start).Split('.').Where(l => l.Length > 0).ToList();
            while (labels.Count > 1 && (labels[0] == "www" || labels[0] == "api"))
            {
                labels.RemoveAt(0);
            }

            if (labels.Count == 0 || char.IsDigit(labels[0][0]))
            {
                return "Endpoint";
            }

            var name = string.Concat(labels[0].Split('-', '_').Where(p => p.Length > 0).Select(ReachableMembers.PascalName));
            return SyntaxFacts.IsValidIdentifier(name) ? name : "Endpoint";
        }

        /// <summary>Attribute arguments, parameter defaults, case labels and constants need a constant: no lookup can go there.</summary>
        private static bool InConstantContext(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AttributeArgumentSyntax:
                    case ParameterSyntax:
                    case CaseSwitchLabelSyntax:
                    case ConstantPatternSyntax:
                        return true;
                    case FieldDeclarationSyntax field:
                        return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case LocalDeclarationStatementSyntax local:
                        return local.IsConst;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private sealed class Move
        {
            private readonly string _access;

            public Move(SyntaxNode node, string access, string suggestedKey, string? value)
            {
                Node = node;
                _access = access;
                SuggestedKey = suggestedKey;
                Value = value;
            }

            public SyntaxNode Node { get; }

            public string SuggestedKey { get; }

            /// <summary>The value written to the settings file, or null for a credential (its key is added empty).</summary>
            public string? Value { get; }

            public SyntaxNode Replacement(string key)
            {
                var lookup = SyntaxFactory.ParseExpression(_access + "[" + SyntaxFactory.Literal(key).ToString() + "]");
                return Node is InterpolatedStringTextSyntax
                    ? SyntaxFactory.Interpolation(lookup)
                    : lookup.WithTriviaFrom(Node);
            }
        }

        private sealed class MoveAllProvider : FixAllProvider
        {
            public static readonly MoveAllProvider Instance = new MoveAllProvider();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                IEnumerable<Document> documents = fixAllContext.Scope switch
                {
                    FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
                    FixAllScope.Project => fixAllContext.Project.Documents,
                    FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents),
                    _ => Array.Empty<Document>(),
                };

                var work = new List<(Document, ImmutableArray<Diagnostic>)>();
                foreach (var document in documents)
                {
                    var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    if (!diagnostics.IsEmpty)
                    {
                        work.Add((document, diagnostics));
                    }
                }

                return work.Count == 0
                    ? null
                    : CodeAction.Create(
                        "Move every hard-coded value to configuration",
                        cancellationToken => ApplyAsync(fixAllContext.Solution, work, cancellationToken),
                        fixAllContext.CodeActionEquivalenceKey);
            }
        }
    }
}
