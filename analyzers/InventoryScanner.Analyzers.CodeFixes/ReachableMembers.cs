using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers.CodeFixes
{
    /// <summary>
    /// Finds an expression that reaches an instance of a wanted type from a point in the code: a local or parameter
    /// (primary-constructor parameters included), a field or property of the enclosing type, or a <c>Configuration</c>
    /// property of a local (<c>builder.Configuration</c> in a top-level Program.cs). Static code reaches only static members.
    /// </summary>
    internal static class ReachableMembers
    {
        public static string? Find(SemanticModel model, SyntaxNode node, INamedTypeSymbol wanted, string? viaPropertyName, CancellationToken cancellationToken)
        {
            var position = node.SpanStart;
            var staticContext = IsStaticContext(node);
            string? member = null;
            string? via = null;
            foreach (var symbol in model.LookupSymbols(position))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (symbol)
                {
                    case ILocalSymbol local when DeclaredBefore(local, position, cancellationToken):
                        if (local.Type.IsOrInherits(wanted))
                        {
                            return local.Name;
                        }

                        via ??= Via(local.Name, local.Type, wanted, viaPropertyName);
                        break;
                    case IParameterSymbol parameter:
                        if (parameter.Type.IsOrInherits(wanted))
                        {
                            return parameter.Name;
                        }

                        via ??= Via(parameter.Name, parameter.Type, wanted, viaPropertyName);
                        break;
                    case IFieldSymbol field when (field.IsStatic || !staticContext) && !field.IsImplicitlyDeclared && field.Type.IsOrInherits(wanted):
                        member ??= field.Name;
                        break;
                    case IPropertySymbol property when (property.IsStatic || !staticContext) && !property.IsIndexer && property.GetMethod is not null && property.Type.IsOrInherits(wanted):
                        member ??= property.Name;
                        break;
                }
            }

            return member ?? via;
        }

        /// <summary>The nearest type that declares <paramref name="node"/>, or null in top-level statements.</summary>
        public static TypeDeclarationSyntax? ContainingType(SyntaxNode node) => node.FirstAncestorOrSelf<TypeDeclarationSyntax>();

        /// <summary>
        /// Code that cannot use <c>this</c>: static members, static lambdas and local functions, and field initializers
        /// (an instance field's initializer cannot read other instance members either).
        /// </summary>
        private static bool IsStaticContext(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                    case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.StaticKeyword):
                        return true;
                    case FieldDeclarationSyntax:
                        return true;
                    case BaseMethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case BasePropertyDeclarationSyntax property:
                        return property.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case TypeDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool DeclaredBefore(ILocalSymbol local, int position, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (syntax.Span.End <= position && syntax.FirstAncestorOrSelf<StatementSyntax>() is { } statement && statement.Span.End <= position)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? Via(string name, ITypeSymbol type, INamedTypeSymbol wanted, string? propertyName)
        {
            if (propertyName is null)
            {
                return null;
            }

            foreach (var member in type.GetMembers(propertyName))
            {
                if (member is IPropertySymbol { IsStatic: false, GetMethod: not null } property && property.Type.IsOrInherits(wanted))
                {
                    return name + "." + propertyName;
                }
            }

            return null;
        }

        /// <summary>"_partnerApiKey" → "PartnerApiKey", "s_url" → "Url", "password" → "Password".</summary>
        public static string PascalName(string name)
        {
            var trimmed = name;
            if (trimmed.Length > 2 && trimmed[1] == '_' && (trimmed[0] == 's' || trimmed[0] == 'm' || trimmed[0] == 't'))
            {
                trimmed = trimmed.Substring(2);
            }

            trimmed = trimmed.TrimStart('_', '@');
            if (trimmed.Length == 0)
            {
                return "Value";
            }

            return char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1);
        }

    }
}
