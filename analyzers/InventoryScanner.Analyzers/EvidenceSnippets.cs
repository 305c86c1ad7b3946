using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers
{
    /// <summary>Evidence for a finding whose code may hold a value that must not leave the scan.</summary>
    internal static class EvidenceSnippets
    {
        /// <summary>
        /// The code in <paramref name="span"/>, whitespace folded, with every string literal cut to <c>"…"</c> but those
        /// <paramref name="keep"/> allows (a header name): the line that sets a credential, or opens a connection with a
        /// connection string, often holds a password (the credential rule reports it, redacted), so the line itself never
        /// leaves. At most 200 characters.
        /// </summary>
        public static string WithoutLiterals(SyntaxNode node, TextSpan span, Func<string, bool>? keep = null)
        {
            var text = new StringBuilder();
            var source = node.SyntaxTree.GetText();
            var position = span.Start;
            foreach (var literal in node.DescendantNodes(n => !(n is LiteralExpressionSyntax || n is InterpolatedStringExpressionSyntax))
                .Where(n => n.IsKind(SyntaxKind.StringLiteralExpression) || n is InterpolatedStringExpressionSyntax)
                .Where(n => n.SpanStart >= span.Start && n.Span.End <= span.End))
            {
                if (literal is LiteralExpressionSyntax { Token.ValueText: var value } && keep?.Invoke(value) == true)
                {
                    continue;
                }

                text.Append(source.ToString(TextSpan.FromBounds(position, literal.SpanStart))).Append("\"…\"");
                position = literal.Span.End;
            }

            text.Append(source.ToString(TextSpan.FromBounds(position, span.End)));
            var snippet = Regex.Replace(text.ToString(), @"\s+", " ").Trim();
            return snippet.Length > 200 ? snippet.Substring(0, 200) + "…" : snippet;
        }
    }
}
