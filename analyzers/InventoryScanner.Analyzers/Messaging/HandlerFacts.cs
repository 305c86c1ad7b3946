using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers.Messaging
{
    /// <summary>
    /// What a message handler's own code says about failures and duplicates: whether it catches exceptions (a failure
    /// escaping a raw broker callback leaves the message unacknowledged or, with auto-ack, lost), and whether it checks
    /// for a message it has already processed (an inbox table, a processed-id lookup, an idempotency key). Read from the
    /// handler's syntax, so it holds when the broker's types do not resolve.
    /// </summary>
    internal static class HandlerFacts
    {
        public const string Catches = "catches";

        public const string None = "none";

        /// <summary>The handler does not catch, and need not: the library retries and dead-letters (MassTransit, Service Bus processors).</summary>
        public const string Library = "library";

        private static readonly string[] IdempotencyWords = { "idempot", "dedup", "duplicate", "inbox", "processed" };

        /// <summary>The facts of the given handler bodies (lambdas, methods); null when there is no body to read.</summary>
        public static (string ErrorHandling, string? Idempotency)? Of(IReadOnlyList<SyntaxNode> bodies)
            => bodies.Count == 0 ? null : Read(bodies);

        /// <summary>
        /// Adds the facts of the handler bodies to a consumer finding's properties. With <paramref name="libraryRetries"/>,
        /// a handler that does not catch is <see cref="Library"/>: its failures go back to a library that handles them.
        /// </summary>
        public static void AddTo(System.Collections.Immutable.ImmutableDictionary<string, string?>.Builder properties, IReadOnlyList<SyntaxNode> bodies, bool libraryRetries = false)
        {
            if (Of(bodies) is { } facts)
            {
                properties[FindingProperties.ErrorHandling] = libraryRetries && facts.ErrorHandling == None ? Library : facts.ErrorHandling;
                properties[FindingProperties.Idempotency] = facts.Idempotency;
            }
        }

        /// <summary>
        /// A <c>try</c> that catches failures: a clause for any exception but cancellation that does not throw again.
        /// <c>catch (OperationCanceledException) { break; }</c> only ends a loop politely, and <c>catch (Exception e) {
        /// log(e); throw; }</c> only looks at the failure on its way out: in both, the failure still escapes.
        /// </summary>
        public static bool CatchesFailures(TryStatementSyntax statement)
        {
            foreach (var clause in statement.Catches)
            {
                var type = clause.Declaration?.Type.ToString();
                var cancellationOnly = type is not null && (type.EndsWith("OperationCanceledException", StringComparison.Ordinal) || type.EndsWith("TaskCanceledException", StringComparison.Ordinal));
                var throwsAgain = clause.Block.Statements.Any(s => s is ThrowStatementSyntax);
                if (!cancellationOnly && !throwsAgain)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the code of a loop's body, or a <c>try</c> between the call and the loop, catches failures.</summary>
        public static bool LoopCatches(SyntaxNode loop, SyntaxNode call)
        {
            for (var node = call.Parent; node is not null && node != loop; node = node.Parent)
            {
                if (node is TryStatementSyntax enclosing && CatchesFailures(enclosing))
                {
                    return true;
                }
            }

            var body = loop switch
            {
                WhileStatementSyntax w => w.Statement,
                DoStatementSyntax d => d.Statement,
                ForStatementSyntax f => f.Statement,
                CommonForEachStatementSyntax e => e.Statement,
                _ => loop,
            };
            return body.DescendantNodesAndSelf().OfType<TryStatementSyntax>().Any(CatchesFailures);
        }

        /// <summary>The innermost loop around a call, within its member: <c>while</c>, <c>do</c>, <c>for</c>, <c>foreach</c>, <c>await foreach</c>.</summary>
        public static SyntaxNode? EnclosingLoop(SyntaxNode call)
        {
            for (var node = call.Parent; node is not null && node is not MemberDeclarationSyntax && node is not AnonymousFunctionExpressionSyntax; node = node.Parent)
            {
                if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax)
                {
                    return node;
                }
            }

            return null;
        }

        private static (string ErrorHandling, string? Idempotency) Read(IReadOnlyList<SyntaxNode> bodies)
        {
            var catches = bodies.Any(body => body.DescendantNodesAndSelf().OfType<TryStatementSyntax>().Any(CatchesFailures));
            string? idempotency = null;
            foreach (var identifier in bodies.SelectMany(body => body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()))
            {
                var name = identifier.Identifier.ValueText;
                var lower = name.ToLowerInvariant();
                if (IdempotencyWords.Any(word => lower.IndexOf(word, StringComparison.Ordinal) >= 0))
                {
                    idempotency = name;
                    break;
                }
            }

            return (catches ? Catches : None, idempotency);
        }

        /// <summary>
        /// The handlers attached to a RabbitMQ consumer variable in the same type: <c>consumer.Received += (s, ea) =&gt; …</c>
        /// (or <c>ReceivedAsync</c>), as a lambda or a method of the type.
        /// </summary>
        public static IReadOnlyList<SyntaxNode> AttachedTo(string consumerName, SyntaxNode scope, bool isField, CancellationToken cancellationToken)
            => AttachedTo(consumerName, scope, isField, RabbitMqEvents, cancellationToken);

        private static readonly string[] RabbitMqEvents = { "Received", "ReceivedAsync" };

        /// <summary>
        /// The handlers attached to one of the named events of a variable in the same type (<c>processor.ProcessMessageAsync
        /// += Handle</c>), as a lambda or a method of the type.
        /// </summary>
        public static IReadOnlyList<SyntaxNode> AttachedTo(string consumerName, SyntaxNode scope, bool isField, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
        {
            var bodies = new List<SyntaxNode>();
            var type = scope.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().LastOrDefault();
            if (type is null)
            {
                return bodies;
            }

            // A local or a parameter is wired in its own method; a field may be wired anywhere in the type.
            var member = scope.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not TypeDeclarationSyntax);
            Collect(consumerName, isField || member is null ? type : member, type, events, bodies, cancellationToken);
            return bodies;
        }

        private static void Collect(string consumerName, SyntaxNode searched, TypeDeclarationSyntax type, IReadOnlyCollection<string> events, List<SyntaxNode> bodies, CancellationToken cancellationToken)
        {
            foreach (var assignment in searched.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                    || assignment.Left is not MemberAccessExpressionSyntax handlerEvent || !events.Contains(handlerEvent.Name.Identifier.ValueText)
                    || handlerEvent.Expression is not IdentifierNameSyntax { Identifier.ValueText: var owner } || owner != consumerName)
                {
                    continue;
                }

                bodies.AddRange(OfArgument(assignment.Right));
            }
        }

        /// <summary>The code of a handler given as an argument: a lambda's body, or the methods of the type a method group names.</summary>
        public static IReadOnlyList<SyntaxNode> OfArgument(SyntaxNode? argument)
        {
            switch (argument)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return new[] { (SyntaxNode)lambda.Body };
                case IdentifierNameSyntax method when argument.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().LastOrDefault() is { } type:
                    return type.Members.OfType<MethodDeclarationSyntax>()
                        .Where(m => m.Identifier.ValueText == method.Identifier.ValueText)
                        .Select(m => (SyntaxNode?)m.Body ?? m.ExpressionBody)
                        .OfType<SyntaxNode>()
                        .ToList();
                default:
                    return Array.Empty<SyntaxNode>();
            }
        }

        /// <summary>
        /// The bodies of a handler type's handling methods: <c>Consume</c>, <c>Handle</c>, <c>HandleAsync</c>, and a RabbitMQ
        /// consumer subclass's <c>HandleBasicDeliver(Async)</c>.
        /// </summary>
        public static IReadOnlyList<SyntaxNode> OfHandlerType(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var bodies = new List<SyntaxNode>();
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol { Name: "Consume" or "Handle" or "HandleAsync" or "HandleBasicDeliver" or "HandleBasicDeliverAsync" } method)
                {
                    continue;
                }

                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration
                        && ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is { } body)
                    {
                        bodies.Add(body);
                    }
                }
            }

            return bodies;
        }
    }
}
