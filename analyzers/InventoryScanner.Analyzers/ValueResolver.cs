using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers
{
    /// <summary>
    /// Resolves the string an expression evaluates to, as far as the code says: literals, constants, readonly fields and
    /// properties with initializers, locals with a single initializer, interpolations, concatenations and <c>new Uri(…)</c>.
    /// Parts that cannot be known become <c>{expression}</c> holes; nothing is guessed.
    /// </summary>
    internal sealed class ValueResolver
    {
        private const int MaxDepth = 8;
        private readonly INamedTypeSymbol? _uriType;

        public ValueResolver(INamedTypeSymbol? uriType)
        {
            _uriType = uriType;
        }

        public ResolvedValue Resolve(IOperation? operation, CancellationToken cancellationToken) =>
            Resolve(operation, 0, cancellationToken);

        private ResolvedValue Resolve(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            if (operation is null || depth > MaxDepth)
            {
                return ResolvedValue.None;
            }

            cancellationToken.ThrowIfCancellationRequested();

            if (operation.ConstantValue.HasValue)
            {
                if (operation.ConstantValue.Value is string constant)
                {
                    return new ResolvedValue(constant, IsLiteralSyntax(operation.Syntax) ? TargetSources.Literal : TargetSources.Constant, null);
                }

                if (operation.ConstantValue.Value is null)
                {
                    return ResolvedValue.None;
                }
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Resolve(conversion.Operand, depth + 1, cancellationToken);

                case IInterpolatedStringOperation interpolated:
                    return ResolveInterpolation(interpolated, depth, cancellationToken);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary
                    when binary.Type?.SpecialType == SpecialType.System_String:
                    return Concatenate(Hole(binary.LeftOperand, depth, cancellationToken), Hole(binary.RightOperand, depth, cancellationToken));

                case IObjectCreationOperation creation when IsUri(creation.Type):
                    return ResolveUriCreation(creation, depth, cancellationToken);

                case ILocalReferenceOperation local:
                    return ResolveDeclaredInitializer(local.Local, operation, depth, cancellationToken);

                case IFieldReferenceOperation field when field.Field.IsReadOnly || field.Field.IsStatic:
                    return ResolveDeclaredInitializer(field.Field, operation, depth, cancellationToken);

                case IPropertyReferenceOperation property when property.Property.IsReadOnly || property.Property.IsStatic:
                    return ResolveDeclaredInitializer(property.Property, operation, depth, cancellationToken);
            }

            return ResolvedValue.Unresolved(operation.Syntax.ToString());
        }

        /// <summary>A part of a larger string: resolved text, or the expression written as a <c>{hole}</c>.</summary>
        private ResolvedValue Hole(IOperation operation, int depth, CancellationToken cancellationToken)
        {
            var value = Resolve(operation, depth + 1, cancellationToken);
            if (value.HasText)
            {
                return value;
            }

            return new ResolvedValue("{" + HoleName(operation.Syntax) + "}", TargetSources.Interpolated, operation.Syntax.ToString());
        }

        private static string HoleName(SyntaxNode syntax) => syntax switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => syntax.ToString(),
        };

        private static ResolvedValue Concatenate(ResolvedValue left, ResolvedValue right)
        {
            if (!left.HasText || !right.HasText)
            {
                return ResolvedValue.None;
            }

            var source = ResolvedValue.Weaker(left.Source, right.Source);
            return new ResolvedValue(left.Text + right.Text, source == TargetSources.Literal ? TargetSources.Constant : source, null);
        }

        private ResolvedValue ResolveInterpolation(IInterpolatedStringOperation interpolated, int depth, CancellationToken cancellationToken)
        {
            var text = new StringBuilder();
            var source = TargetSources.Literal;
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation textPart:
                        text.Append(textPart.Text.ConstantValue.Value as string);
                        break;
                    case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                        var value = Hole(hole.Expression, depth, cancellationToken);
                        text.Append(value.Text);
                        source = ResolvedValue.Weaker(source, value.Source);
                        break;
                    case IInterpolationOperation formatted:
                        text.Append('{').Append(HoleName(formatted.Expression.Syntax)).Append('}');
                        source = TargetSources.Interpolated;
                        break;
                }
            }

            return new ResolvedValue(text.ToString(), source, source == TargetSources.Interpolated ? interpolated.Syntax.ToString() : null);
        }

        private ResolvedValue ResolveUriCreation(IObjectCreationOperation creation, int depth, CancellationToken cancellationToken)
        {
            var arguments = creation.Arguments;
            if (arguments.Length >= 1 && arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
            {
                return Resolve(arguments[0].Value, depth + 1, cancellationToken);
            }

            if (arguments.Length == 2 && IsUri(arguments[0].Value.Type))
            {
                var baseUri = Resolve(arguments[0].Value, depth + 1, cancellationToken);
                var relative = Hole(arguments[1].Value, depth, cancellationToken);
                if (baseUri.HasText && relative.HasText)
                {
                    return new ResolvedValue(UriText.Combine(baseUri.Text!, relative.Text!), ResolvedValue.Weaker(baseUri.Source, relative.Source), null);
                }
            }

            return ResolvedValue.Unresolved(creation.Syntax.ToString());
        }

        /// <summary>
        /// Follows a local, field or property to the expression it was initialised with. In the same file the initializer
        /// is bound; in another file only literal forms are read from its syntax (no second semantic model is created).
        /// </summary>
        private ResolvedValue ResolveDeclaredInitializer(ISymbol symbol, IOperation reference, int depth, CancellationToken cancellationToken)
        {
            var unresolved = ResolvedValue.Unresolved(reference.Syntax.ToString());
            if (symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return unresolved;
            }

            var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var initializer = declaration switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };

            if (initializer is null)
            {
                return unresolved;
            }

            var semanticModel = reference.SemanticModel;
            ResolvedValue value;
            if (semanticModel is not null && initializer.SyntaxTree == semanticModel.SyntaxTree)
            {
                value = Resolve(semanticModel.GetOperation(initializer, cancellationToken), depth + 1, cancellationToken);
            }
            else
            {
                value = ResolveSyntaxOnly(initializer);
            }

            if (!value.HasText)
            {
                return unresolved;
            }

            return new ResolvedValue(value.Text, value.Source == TargetSources.Literal ? TargetSources.Constant : value.Source, value.Expression);
        }

        private static ResolvedValue ResolveSyntaxOnly(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return new ResolvedValue(literal.Token.ValueText, TargetSources.Constant, null);
                case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments }
                    when arguments[0].Expression is LiteralExpressionSyntax uriLiteral && uriLiteral.IsKind(SyntaxKind.StringLiteralExpression):
                    return new ResolvedValue(uriLiteral.Token.ValueText, TargetSources.Constant, null);
                default:
                    return ResolvedValue.Unresolved(expression.ToString());
            }
        }

        private bool IsUri(ITypeSymbol? type) =>
            type is not null && _uriType is not null && SymbolEqualityComparer.Default.Equals(type, _uriType);

        private static bool IsLiteralSyntax(SyntaxNode syntax) =>
            syntax is LiteralExpressionSyntax || syntax is InterpolatedStringExpressionSyntax;
    }
}
