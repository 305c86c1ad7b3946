using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers
{
    /// <summary>Where a finding about one call of a fluent chain points.</summary>
    internal static class CallLocations
    {
        /// <summary>
        /// The call itself: from its member name to its closing parenthesis when it continues a chain
        /// (<c>services.AddHealthChecks()<b>.AddNpgSql(…)</b></c>) or its receiver ends on an earlier line
        /// (<c>builder.Services<b>\n    .AddOcelot()</b></c>); the whole invocation otherwise
        /// (<c>client.DefaultRequestHeaders.Add(…)</c>), whose receiver says what the call is on.
        /// </summary>
        public static TextSpan SpanOf(SyntaxNode syntax)
        {
            if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver, Name: var name } }
                && (receiver is InvocationExpressionSyntax || !SameLine(receiver, name)))
            {
                return TextSpan.FromBounds(name.SpanStart, syntax.Span.End);
            }

            return syntax.Span;
        }

        public static Location Of(SyntaxNode syntax) => Location.Create(syntax.SyntaxTree, SpanOf(syntax));

        private static bool SameLine(SyntaxNode a, SyntaxNode b) =>
            a.SyntaxTree.GetLineSpan(a.Span).EndLinePosition.Line == b.SyntaxTree.GetLineSpan(b.Span).StartLinePosition.Line;
    }
}
