using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers
{
    internal static class SemanticModelExtensions
    {
        /// <summary>The simple name a type is written with: <c>OrderPaid</c> for <c>Contracts.OrderPaid</c> and <c>OrderPaid</c>.</summary>
        public static string? SimpleTypeName(this TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// The operation of a syntax node, looking through what has no operation of its own: the null-forgiving
        /// <c>configuration["Url"]!</c> and parentheses, both common around the values the analyzers resolve.
        /// </summary>
        public static IOperation? GetValueOperation(this SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            while (true)
            {
                var operation = model.GetOperation(node, cancellationToken);
                if (operation is not null)
                {
                    return operation;
                }

                switch (node)
                {
                    case PostfixUnaryExpressionSyntax suppression when suppression.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        node = suppression.Operand;
                        continue;
                    case ParenthesizedExpressionSyntax parenthesized:
                        node = parenthesized.Expression;
                        continue;
                    default:
                        return null;
                }
            }
        }
    }
}
