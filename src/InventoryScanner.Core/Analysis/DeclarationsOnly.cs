using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// A file no analyzer needs to look into, with the statements of its method and accessor bodies blanked out. The
/// compiler binds every body of a compilation whose analyzers it drives; a blanked body costs it nothing, while the
/// file's declarations (types, members, constants, field and property initialisers) stay as they are for the files that
/// use them. Positions do not move: the statements become spaces, line breaks stay, so a location in the file is the
/// same line and column as in the original.
/// </summary>
/// <remarks>
/// Kept, because analyzers of other files read them: constructor bodies (the values a type's fields are assigned),
/// expression bodies, and the bodies of members that return a string or an address (a target resolved through a method
/// call). See <c>MemberAssignments</c> and <c>ValueResolver</c> in the analyzers.
/// </remarks>
public static class DeclarationsOnly
{
    public static SyntaxTree Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var bodies = root.DescendantNodes(node => node is not BlockSyntax)
            .OfType<BlockSyntax>()
            .Where(body => body.Statements.Count > 0 && !body.ContainsDirectives && IsBlankable(body.Parent))
            .ToList();

        // The tree is rewritten, not parsed again: each body becomes an empty block whose brace carries the body's width
        // as whitespace and line breaks (an incremental reparse of the blanked text measured slower than the first parse).
        return bodies.Count == 0 ? tree : tree.WithRootAndOptions(root.ReplaceNodes(bodies, (body, _) => Blank(body)), tree.Options);
    }

    private static bool IsBlankable(SyntaxNode? owner) => owner switch
    {
        ConstructorDeclarationSyntax => false,
        MethodDeclarationSyntax method => !MayReturnAValue(method.ReturnType),
        AccessorDeclarationSyntax { Parent.Parent: BasePropertyDeclarationSyntax property } => !MayReturnAValue(property switch
        {
            PropertyDeclarationSyntax p => p.Type,
            IndexerDeclarationSyntax i => i.Type,
            _ => null,
        }),
        BaseMethodDeclarationSyntax => true,
        _ => false,
    };

    /// <summary>A string, an address, or a type the file does not name plainly (var-like, generic, a task of one).</summary>
    private static bool MayReturnAValue(TypeSyntax? type) => type switch
    {
        null => false,
        PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.StringKeyword) || predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword),
        NullableTypeSyntax nullable => MayReturnAValue(nullable.ElementType),
        GenericNameSyntax generic => generic.TypeArgumentList.Arguments.Any(MayReturnAValue),
        QualifiedNameSyntax qualified => MayReturnAValue(qualified.Right),
        AliasQualifiedNameSyntax alias => MayReturnAValue(alias.Name),
        IdentifierNameSyntax name => name.Identifier.ValueText is "String" or "Uri" or "Object" or "var",
        _ => false,
    };

    /// <summary>An empty block as wide as <paramref name="body"/>, its statements and their trivia turned to spaces, line breaks kept.</summary>
    private static BlockSyntax Blank(BlockSyntax body)
    {
        var inside = body.OpenBraceToken.TrailingTrivia.ToFullString()
            + string.Concat(body.Statements.Select(statement => statement.ToFullString()))
            + body.CloseBraceToken.LeadingTrivia.ToFullString();
        var trivia = new List<SyntaxTrivia>();
        for (var start = 0; start < inside.Length;)
        {
            var end = start;
            if (IsLineBreak(inside[start]))
            {
                end += inside[start] == '\r' && start + 1 < inside.Length && inside[start + 1] == '\n' ? 2 : 1;
                trivia.Add(SyntaxFactory.EndOfLine(inside[start..end]));
            }
            else
            {
                while (end < inside.Length && !IsLineBreak(inside[end]))
                {
                    end++;
                }

                trivia.Add(SyntaxFactory.Whitespace(new string(' ', end - start)));
            }

            start = end;
        }

        return body
            .WithStatements(default)
            .WithOpenBraceToken(body.OpenBraceToken.WithTrailingTrivia(trivia))
            .WithCloseBraceToken(body.CloseBraceToken.WithLeadingTrivia());
    }

    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';
}
