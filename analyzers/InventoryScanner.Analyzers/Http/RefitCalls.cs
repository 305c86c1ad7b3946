using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// Refit: a call to an interface method declared with <c>[Get("/users/{id}")]</c>, <c>[Post(…)]</c> and the other verb
    /// attributes. The interface's registration (<c>AddRefitClient&lt;T&gt;().ConfigureHttpClient(…)</c> or
    /// <c>RestService.For&lt;T&gt;(url)</c>) gives the host; the attribute gives the verb and the path template.
    /// </summary>
    internal static class RefitCalls
    {
        public const string Library = "Refit";
        private const string RefitNamespace = "Refit";

        private static readonly ImmutableHashSet<string> Verbs = ImmutableHashSet.Create(StringComparer.Ordinal, "Get", "Post", "Put", "Delete", "Patch", "Head", "Options");

        /// <summary>
        /// The endpoint a Refit interface method declares, or null. When Refit does not resolve, the attribute is an error
        /// type that keeps its name (Get, Post, …) and its argument is read from the source: found by name.
        /// </summary>
        public static (string Verb, string Path, bool ByName)? Endpoint(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.ContainingType is not { TypeKind: TypeKind.Interface })
            {
                return null;
            }

            foreach (var attribute in method.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (type is null)
                {
                    continue;
                }

                var name = type.Name.EndsWith("Attribute", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
                if (!Verbs.Contains(name))
                {
                    continue;
                }

                if (type is IErrorTypeSymbol)
                {
                    if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
                        && syntax.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal)
                    {
                        return (name.ToUpperInvariant(), literal.Token.ValueText, true);
                    }

                    continue;
                }

                if (type.ContainingNamespace?.ToDisplayString() == RefitNamespace
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string path)
                {
                    return (name.ToUpperInvariant(), path, false);
                }
            }

            return null;
        }

        /// <summary>
        /// The Refit interface method an unbound call reaches through a local made by <c>RestService.For&lt;T&gt;(…)</c>
        /// when Refit does not resolve: <c>var api = RestService.For&lt;IApi&gt;(url); api.GetUser(id);</c> (the local's type is
        /// an error, the interface is not).
        /// </summary>
        public static IMethodSymbol? ThroughRestService(CallSite call, CancellationToken cancellationToken)
        {
            if (MemberAssignments.ReferencedSymbol(call.Receiver) is not { } holder
                || MemberAssignments.DeclaredInitializer(holder, cancellationToken) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "For", TypeArgumentList.Arguments.Count: 1 } generic },
                } initializer
                || call.Operation.SemanticModel is not { } model
                || initializer.SyntaxTree != model.SyntaxTree
                || model.GetTypeInfo(generic.TypeArgumentList.Arguments[0], cancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Interface } api)
            {
                return null;
            }

            var arguments = (call.Operation.Syntax as InvocationExpressionSyntax)?.ArgumentList.Arguments.Count ?? 0;
            foreach (var member in api.GetMembers(call.MethodName))
            {
                if (member is IMethodSymbol method && method.Parameters.Length == arguments)
                {
                    return method;
                }
            }

            return null;
        }
    }
}
