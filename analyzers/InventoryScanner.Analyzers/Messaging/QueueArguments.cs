using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Messaging
{
    /// <summary>
    /// The arguments a RabbitMQ queue is declared with (<c>x-dead-letter-exchange</c> and the like): a dictionary given in
    /// place (<c>new Dictionary&lt;string, object&gt; { ["x-dead-letter-exchange"] = "dlx" }</c>, <c>{ { "…", "dlx" } }</c>)
    /// or filled in a local of the same method (<c>args["…"] = "dlx"</c>, <c>args.Add("…", "dlx")</c>).
    /// </summary>
    internal static class QueueArguments
    {
        private const string DeadLetterKey = "x-dead-letter-exchange";

        /// <summary>The dead-letter exchange, or null when the arguments do not set one (or cannot be read).</summary>
        public static string? DeadLetterExchange(IOperation? arguments, SyntaxNode call, ValueResolver resolver, CancellationToken cancellationToken)
        {
            var value = CallSite.Unwrap(arguments);
            if (value is null || value.SemanticModel is not { } model)
            {
                return null;
            }

            // The dictionary given in place is read as written; a local's is its initializer, plus what the method adds to it.
            SyntaxNode? scope = value.Syntax;
            SyntaxNode? initializer = value.Syntax;
            var localName = (value as ILocalReferenceOperation)?.Local.Name;
            if (localName is not null)
            {
                scope = call.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault();
                initializer = MemberAssignments.DeclaredInitializer(((ILocalReferenceOperation)value).Local, cancellationToken);
            }

            if (scope is null)
            {
                return null;
            }

            foreach (var node in scope.DescendantNodesAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ExpressionSyntax? key = null;
                ExpressionSyntax? setting = null;
                switch (node)
                {
                    // { "x-dead-letter-exchange", "dlx" } in a collection initializer.
                    case InitializerExpressionSyntax { Expressions.Count: 2 } pair when node.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ComplexElementInitializerExpression) && Within(node, initializer):
                        (key, setting) = (pair.Expressions[0], pair.Expressions[1]);
                        break;

                    // ["x-dead-letter-exchange"] = "dlx" in an initializer, or args["x-dead-letter-exchange"] = "dlx".
                    case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } implicitAccess } assignment when Within(node, initializer):
                        (key, setting) = (implicitAccess.ArgumentList.Arguments[0].Expression, assignment.Right);
                        break;
                    case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, ArgumentList.Arguments.Count: 1 } access } assignment
                        when owner.Identifier.ValueText == localName:
                        (key, setting) = (access.ArgumentList.Arguments[0].Expression, assignment.Right);
                        break;

                    // args.Add("x-dead-letter-exchange", "dlx")
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: IdentifierNameSyntax owner }, ArgumentList.Arguments.Count: 2 } add
                        when owner.Identifier.ValueText == localName:
                        (key, setting) = (add.ArgumentList.Arguments[0].Expression, add.ArgumentList.Arguments[1].Expression);
                        break;
                }

                if (key is null || setting is null || key.SyntaxTree != model.SyntaxTree
                    || !string.Equals(model.GetConstantValue(key, cancellationToken).Value as string, DeadLetterKey, StringComparison.Ordinal))
                {
                    continue;
                }

                return resolver.Resolve(model.GetOperation(setting, cancellationToken), cancellationToken).TargetText() ?? TargetSources.Unresolved;
            }

            return null;
        }

        private static bool Within(SyntaxNode node, SyntaxNode? scope) =>
            scope is not null && scope.SyntaxTree == node.SyntaxTree && scope.Span.Contains(node.Span);
    }
}
