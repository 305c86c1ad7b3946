using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Messaging
{
    /// <summary>
    /// Home-grown handlers that dispatch on the message type's name held in a string (<c>switch (messageType) { case
    /// "CustomerRegistered": … }</c>, <c>if (eventName == "OrderPaid")</c>): one INV2008 finding per name, recognised by
    /// the shape of the code that compares a message-type variable with names that read like messages.
    /// </summary>
    internal static class StringDispatch
    {
        /// <summary>
        /// A handler that dispatches on the name of the message type, held in a string: <c>switch (messageType) { case
        /// "CustomerRegistered": … }</c>, <c>eventName == "OrderPaid"</c>, <c>messageType.Equals("X")</c>, in a method that
        /// handles, processes, consumes, receives or dispatches messages (or in a lambda, a broker callback). Each name
        /// is a message type the component consumes; publishers of a type of that name join it.
        /// </summary>
        public static void Analyze(OperationAnalysisContext context, DiagnosticDescriptor rule, string library)
        {
            var (variable, labels) = DispatchLabels(context.Operation);
            if (variable is null || labels.Count == 0 || !IsMessageTypeVariable(variable) || !IsHandlingCode(context.Operation, context.ContainingSymbol))
            {
                return;
            }

            var handler = HandlingBody(context.Operation);
            foreach (var (label, syntax) in labels)
            {
                if (!LooksLikeMessageName(label))
                {
                    continue;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.QueueConsume);
                properties.Add(FindingProperties.Library, library);
                properties.Add(FindingProperties.Target, "message:" + label);
                properties.Add(FindingProperties.TargetSource, TargetSources.MessageType);
                properties.Add(FindingProperties.Queue, label);
                properties.Add(FindingProperties.Confidence, Confidence.Medium);
                properties.Add(FindingProperties.ConfidenceReason, "a handler that dispatches on the message type's name (" + variable + " == \"" + label + "\"), recognised by its shape");
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + label);
                if (handler is not null)
                {
                    HandlerFacts.AddTo(properties, new[] { handler });
                }

                var owner = context.ContainingSymbol.ContainingType?.Name ?? context.ContainingSymbol.Name;
                context.ReportDiagnostic(Diagnostic.Create(rule, syntax.GetLocation(), properties.ToImmutable(), library, owner, label));
            }
        }

        /// <summary>The variable compared and the string constants it is compared with, each with the syntax to report on.</summary>
        private static (string? Variable, List<(string Label, SyntaxNode Syntax)> Labels) DispatchLabels(IOperation operation)
        {
            var labels = new List<(string, SyntaxNode)>();
            string? variable = null;
            switch (operation)
            {
                case ISwitchOperation @switch:
                    variable = VariableName(@switch.Value);
                    foreach (var clause in @switch.Cases.SelectMany(c => c.Clauses))
                    {
                        var value = clause switch
                        {
                            ISingleValueCaseClauseOperation single => single.Value,
                            IPatternCaseClauseOperation { Pattern: IConstantPatternOperation constant } => constant.Value,
                            _ => null,
                        };
                        if (value?.ConstantValue.Value is string text)
                        {
                            labels.Add((text, clause.Syntax));
                        }
                    }

                    break;
                case ISwitchExpressionOperation expression:
                    variable = VariableName(expression.Value);
                    foreach (var arm in expression.Arms)
                    {
                        if (arm.Pattern is IConstantPatternOperation { Value.ConstantValue.Value: string text })
                        {
                            labels.Add((text, arm.Syntax));
                        }
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary:
                    if (binary.RightOperand.ConstantValue.Value is string right)
                    {
                        variable = VariableName(binary.LeftOperand);
                        labels.Add((right, binary.Syntax));
                    }
                    else if (binary.LeftOperand.ConstantValue.Value is string left)
                    {
                        variable = VariableName(binary.RightOperand);
                        labels.Add((left, binary.Syntax));
                    }

                    break;
                case IInvocationOperation { TargetMethod.Name: "Equals" } equals:
                    // messageType.Equals("X", …) or string.Equals(messageType, "X", …)
                    var operands = equals.Instance is null ? equals.Arguments.Select(a => a.Value).Take(2).ToList() : new List<IOperation> { equals.Instance, equals.Arguments.FirstOrDefault()?.Value! };
                    if (operands.Count == 2 && operands[0] is not null && operands[1] is not null)
                    {
                        var constant = operands.FirstOrDefault(o => o.ConstantValue.Value is string);
                        var other = operands.FirstOrDefault(o => o.ConstantValue.Value is not string);
                        if (constant is not null && other is not null)
                        {
                            variable = VariableName(other);
                            labels.Add(((string)constant.ConstantValue.Value!, equals.Syntax));
                        }
                    }

                    break;
            }

            return (variable, labels);
        }

        private static string? VariableName(IOperation? operation) => CallSite.Unwrap(operation) switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => null,
        };

        /// <summary><c>messageType</c>, <c>eventName</c>, <c>commandTypeName</c>, <c>routingKey</c>: a variable that names a message's type.</summary>
        private static bool IsMessageTypeVariable(string name)
        {
            var lower = name.TrimStart('_', '@').ToLowerInvariant();
            if (lower == "routingkey")
            {
                return true;
            }

            return (lower.StartsWith("message", StringComparison.Ordinal) || lower.StartsWith("event", StringComparison.Ordinal) || lower.StartsWith("command", StringComparison.Ordinal)
                    || lower.StartsWith("integrationevent", StringComparison.Ordinal))
                && (lower.EndsWith("type", StringComparison.Ordinal) || lower.EndsWith("name", StringComparison.Ordinal) || lower.EndsWith("kind", StringComparison.Ordinal));
        }

        /// <summary>
        /// Code that handles incoming messages: a method named so (<c>HandleMessageAsync</c>, <c>ProcessEvent</c>,
        /// <c>OnMessageReceived</c>, <c>Consume</c>, <c>Dispatch</c>), or a lambda (a broker callback). A method that maps
        /// names to types for sending or deserialising (<c>CreateEvent</c>, <c>Deserialize</c>) is not.
        /// </summary>
        private static bool IsHandlingCode(IOperation operation, ISymbol containing)
        {
            for (var node = operation.Syntax.Parent; node is not null && node is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax; node = node.Parent)
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax)
                {
                    return true;
                }
            }

            var name = containing.Name;
            foreach (var verb in HandlingVerbs)
            {
                if (name.StartsWith(verb, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return name.StartsWith("On", StringComparison.Ordinal) && (name.IndexOf("Message", StringComparison.Ordinal) > 0 || name.IndexOf("Event", StringComparison.Ordinal) > 0 || name.IndexOf("Received", StringComparison.Ordinal) > 0);
        }

        private static readonly string[] HandlingVerbs = { "Handle", "Process", "Consume", "Dispatch", "Receive", "Route" };

        /// <summary>A type's or routing key's name: <c>CustomerRegistered</c>, <c>order.created</c>; not a sentence or an empty string.</summary>
        private static bool LooksLikeMessageName(string label)
        {
            if (label.Length < 2 || !(char.IsLetter(label[0]) || label[0] == '_'))
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or ':' or '/'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The body that handles the message: the enclosing lambda's, else the method's.</summary>
        private static SyntaxNode? HandlingBody(IOperation operation)
        {
            for (var node = operation.Syntax.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax lambda:
                        return lambda.Body;
                    case Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax method:
                        return (SyntaxNode?)method.Body ?? method.ExpressionBody;
                    case Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }
    }
}
