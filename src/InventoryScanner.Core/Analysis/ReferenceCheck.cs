using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Evidence that a compilation is missing references: using directives whose namespace does not resolve. Only the
/// using directives are bound (no member or method body), so this stays cheap on every file.
/// </summary>
public static class ReferenceCheck
{
    private static readonly HashSet<string> UnresolvedNameErrors = ["CS0246", "CS0234", "CS0400"];

    /// <summary>The namespaces (or types) named in using directives that did not resolve, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> UnresolvedImports(Compilation compilation, int limit, CancellationToken cancellationToken)
    {
        var unresolved = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = tree.GetRoot(cancellationToken);
            var usings = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().ToList();
            if (usings.Count == 0)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var directive in usings)
            {
                if (directive.NamespaceOrType is null)
                {
                    continue;
                }

                foreach (var diagnostic in model.GetDiagnostics(directive.Span, cancellationToken))
                {
                    if (diagnostic.Severity == DiagnosticSeverity.Error && UnresolvedNameErrors.Contains(diagnostic.Id))
                    {
                        unresolved.Add(directive.NamespaceOrType.ToString());
                        break;
                    }
                }
            }

            if (unresolved.Count >= limit)
            {
                break;
            }
        }

        return unresolved.Take(limit).ToList();
    }
}
