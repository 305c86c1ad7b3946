using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

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
        var text = tree.GetText(cancellationToken);
        var changes = new List<TextChange>();
        foreach (var body in root.DescendantNodes(node => node is not BlockSyntax).OfType<BlockSyntax>())
        {
            if (body.Statements.Count == 0 || body.ContainsDirectives || !IsBlankable(body.Parent))
            {
                continue;
            }

            var inside = TextSpan.FromBounds(body.OpenBraceToken.Span.End, body.CloseBraceToken.SpanStart);
            changes.Add(new TextChange(inside, Blank(text, inside)));
        }

        return changes.Count == 0 ? tree : tree.WithChangedText(text.WithChanges(changes));
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

    /// <summary>The span's text with every character but a line break turned to a space.</summary>
    private static string Blank(SourceText text, TextSpan span)
    {
        var characters = new char[span.Length];
        text.CopyTo(span.Start, characters, 0, span.Length);
        for (var i = 0; i < characters.Length; i++)
        {
            if (characters[i] is not ('\r' or '\n'))
            {
                characters[i] = ' ';
            }
        }

        return new string(characters);
    }
}
