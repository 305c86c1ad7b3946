using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Messaging
{
    /// <summary>
    /// Broker clients that travel through dependency injection: a <c>QueueClient</c> registered by a factory
    /// (<c>services.AddSingleton(sp =&gt; queues.GetQueueClient("thumbnail-queue"))</c>,
    /// <c>TryAddKeyedSingleton("notifications", (sp, _) =&gt; new QueueClient(cs, "notifications"))</c>) and sent through
    /// where it is injected (<c>[FromKeyedServices("notifications")] QueueClient queue</c>). One compilation sees one side
    /// or the other; each side records the client's type and service key, and the scanner joins them.
    /// </summary>
    internal static class InjectedClients
    {
        /// <summary>
        /// The service key of the constructor or method parameter a receiver comes from (directly, or through the field or
        /// property a constructor stores it in): <c>""</c> for an unkeyed parameter, the key for a
        /// <c>[FromKeyedServices("k")]</c> one, null when the receiver is not injected.
        /// </summary>
        public static string? InjectedKey(IOperation? receiver, CancellationToken cancellationToken)
        {
            receiver = CallSite.Unwrap(receiver);
            IParameterSymbol? parameter = null;
            switch (receiver)
            {
                case IParameterReferenceOperation reference:
                    parameter = reference.Parameter;
                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation when MemberAssignments.ReferencedSymbol(receiver) is { } holder
                    && MemberAssignments.DeclaredInitializer(holder, cancellationToken) is null
                    && MemberAssignments.ConstructorAssignment(holder, cancellationToken) is IdentifierNameSyntax assigned
                    && receiver.SemanticModel is { } model && assigned.SyntaxTree == model.SyntaxTree:
                    parameter = model.GetSymbolInfo(assigned, cancellationToken).Symbol as IParameterSymbol;
                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation when MemberAssignments.ReferencedSymbol(receiver) is { } primary
                    && MemberAssignments.DeclaredInitializer(primary, cancellationToken) is IdentifierNameSyntax initializer
                    && receiver.SemanticModel is { } primaryModel && initializer.SyntaxTree == primaryModel.SyntaxTree:
                    // private readonly QueueClient _queue = queue; from a primary constructor's parameter.
                    parameter = primaryModel.GetSymbolInfo(initializer, cancellationToken).Symbol as IParameterSymbol;
                    break;
            }

            if (parameter is null)
            {
                return Resolved(MemberAssignments.ValueOrConstruction(receiver, cancellationToken), cancellationToken);
            }

            return ServiceKey(parameter, cancellationToken) ?? string.Empty;
        }

        /// <summary>
        /// A client taken from the container where it is used: <c>provider.GetRequiredKeyedService&lt;QueueClient&gt;("notifications")</c>,
        /// <c>GetRequiredService&lt;QueueClient&gt;()</c>, bound or as written.
        /// </summary>
        private static string? Resolved(IOperation? made, CancellationToken cancellationToken)
        {
            if (CallSite.Unwrap(made)?.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } method } } call)
            {
                return null;
            }

            switch (method.Identifier.ValueText)
            {
                case "GetRequiredService" or "GetService":
                    return string.Empty;
                case "GetRequiredKeyedService" or "GetKeyedService" when call.ArgumentList.Arguments.Count == 1 && made!.SemanticModel is { } model:
                    return model.GetConstantValue(call.ArgumentList.Arguments[0].Expression, cancellationToken).Value as string;
                default:
                    return null;
            }
        }

        /// <summary><c>[FromKeyedServices("notifications")]</c> on a parameter, by symbol or, when the attribute did not resolve, as written.</summary>
        private static string? ServiceKey(IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "FromKeyedServicesAttribute" or "FromKeyedServices")
                {
                    if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string key)
                    {
                        return key;
                    }

                    if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments: { Count: 1 } arguments }
                        && arguments[0].Expression is LiteralExpressionSyntax literal && literal.Token.Value is string written)
                    {
                        return written;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The service key a client is registered under when <paramref name="made"/> is what a DI factory returns:
        /// <c>""</c> for <c>AddSingleton(sp =&gt; …)</c> (and Scoped, Transient, TryAdd…), the key for
        /// <c>AddKeyedSingleton("k", (sp, key) =&gt; …)</c>; null when the client is not made by a registration.
        /// </summary>
        public static string? RegisteredKey(SyntaxNode made, SemanticModel model, CancellationToken cancellationToken)
        {
            var value = made;
            while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or AwaitExpressionSyntax or PostfixUnaryExpressionSyntax)
            {
                value = value.Parent;
            }

            var lambda = value.Parent switch
            {
                AnonymousFunctionExpressionSyntax function when function.ExpressionBody == value => function,
                ReturnStatementSyntax returned => returned.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>(),
                _ => null,
            };
            if (lambda?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax registration } arguments })
            {
                return null;
            }

            var name = registration.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            if (!IsRegistration(name))
            {
                return null;
            }

            if (name.IndexOf("Keyed", StringComparison.Ordinal) < 0)
            {
                return string.Empty;
            }

            return arguments.Arguments.Count > 1 && model.GetConstantValue(arguments.Arguments[0].Expression, cancellationToken).Value is string key ? key : null;
        }

        /// <summary>
        /// AddSingleton, TryAddScoped, AddKeyedTransient, TryAddKeyedSingleton, …: the service-collection registrations; with
        /// <paramref name="descriptors"/>, ServiceDescriptor's bare Singleton/Scoped/Transient too.
        /// </summary>
        public static bool IsRegistration(string name, bool descriptors = false)
        {
            var rest = name.StartsWith("TryAdd", StringComparison.Ordinal) ? name.Substring(6)
                : name.StartsWith("Add", StringComparison.Ordinal) ? name.Substring(3)
                : descriptors ? name : null;
            if (rest is null)
            {
                return false;
            }

            rest = rest.StartsWith("Keyed", StringComparison.Ordinal) ? rest.Substring(5) : rest;
            return rest is "Singleton" or "Scoped" or "Transient";
        }
    }
}
