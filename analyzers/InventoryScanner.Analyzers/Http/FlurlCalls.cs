using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// Flurl.Http: the request extensions on a string, a <c>Url</c> or an <c>IFlurlRequest</c>
    /// (<c>"https://api".AppendPathSegment("orders").GetJsonAsync&lt;T&gt;()</c>), and <c>IFlurlClient.Request(…)</c> on a
    /// <c>new FlurlClient(baseUrl)</c>. The target is read back along the fluent chain: path segments are appended,
    /// headers, query parameters and settings pass through.
    /// </summary>
    internal sealed class FlurlCalls
    {
        public static readonly string Library = HttpLibrary.Flurl.Name;

        /// <summary>Builder calls that do not change where the request goes.</summary>
        private static readonly ImmutableHashSet<string> PassThrough = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "SetQueryParam", "SetQueryParams", "WithHeader", "WithHeaders", "WithOAuthBearerToken", "WithBasicAuth", "WithTimeout",
            "AllowHttpStatus", "AllowAnyHttpStatus", "WithCookie", "WithCookies", "WithAutoRedirect", "WithSettings", "WithClient",
            "ConfigureRequest", "WithCookieJar", "ResetQueryParams", "RemoveQueryParam", "RemoveQueryParams", "SetFragment", "ToUri");

        /// <summary>A bound Flurl.Http request method: an extension in Flurl.Http, or SendAsync on its request and client types.</summary>
        public static bool IsCall(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null || !SendsRequest(method.Name) || !IsFlurlHttp(type.ContainingNamespace))
            {
                return false;
            }

            return method.IsExtensionMethod || type.Name is "IFlurlRequest" or "FlurlRequest" or "IFlurlClient" or "FlurlClient";
        }

        /// <summary>The Flurl.Http namespace, compared name by name: every call named like a verb (GetHashCode) asks.</summary>
        private static bool IsFlurlHttp(INamespaceSymbol? space) =>
            space is { Name: "Http", ContainingNamespace: { Name: "Flurl", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>
        /// An unbound request method on a string (no other library puts one there), or at the end of a chain that went
        /// through a Flurl builder call (<c>AppendPathSegment</c>, <c>WithHeader</c>, …) or a <c>FlurlClient.Request(…)</c>.
        /// Every Flurl request method is asynchronous; a string extension of the code's own named like a verb
        /// (<c>id.GetMD5()</c>, <c>term.GetCleanValue()</c>) is not one.
        /// </summary>
        public static bool IsCallByName(CallSite call) =>
            SendsRequest(call.MethodName) && call.MethodName.EndsWith("Async", StringComparison.Ordinal)
            && (call.ReceiverType?.SpecialType == SpecialType.System_String || ChainHasBuilder(call.Receiver));

        private static bool SendsRequest(string name) => HttpLibrary.Flurl.SendsRequest(name);

        public static (string Verb, ResolvedValue Uri) Resolve(CallSite call, ValueResolver resolver, CancellationToken cancellationToken)
        {
            var verb = HttpVerbs.FromMethodName(call.MethodName);
            if (verb is null && call.GetArgument("verb", 0, cancellationToken) is { } method && CallSite.Unwrap(method)?.Syntax is MemberAccessExpressionSyntax access)
            {
                verb = access.Name.Identifier.ValueText.ToUpperInvariant();
            }

            return (verb ?? (call.MethodName.StartsWith("Download", StringComparison.Ordinal) ? "GET" : "SEND"), UrlOf(call.Receiver, resolver, depth: 0, cancellationToken));
        }

        /// <summary>The URL a fluent chain builds, read from its end back to its start.</summary>
        private static ResolvedValue UrlOf(IOperation? operation, ValueResolver resolver, int depth, CancellationToken cancellationToken)
        {
            operation = CallSite.Unwrap(operation);
            if (operation is null || depth > 32)
            {
                return ResolvedValue.None;
            }

            if (operation.Syntax is InvocationExpressionSyntax invocation && NameOf(invocation) is { } name)
            {
                var (receiver, arguments) = Parts(operation, invocation, cancellationToken);
                if (name is "AppendPathSegment" or "AppendPathSegments" or "Request")
                {
                    var url = name == "Request" ? ClientBaseUrl(receiver, resolver, cancellationToken) : UrlOf(receiver, resolver, depth + 1, cancellationToken);
                    foreach (var segment in arguments)
                    {
                        // A segment the code computes stays in the path as a placeholder, as an interpolation hole does.
                        var part = resolver.Resolve(segment, cancellationToken);
                        var text = part.HasText ? part.Text! : "{" + segment.Syntax + "}";
                        var source = part.HasText ? part.Source : TargetSources.Interpolated;
                        url = !url.HasText ? url
                            : ResolvedValue.Join(UriText.AppendPath(url.Text!, text), ResolvedValue.Weaker(url.Source, source), url, part);
                    }

                    return url;
                }

                return PassThrough.Contains(name) ? UrlOf(receiver, resolver, depth + 1, cancellationToken) : resolver.Resolve(operation, cancellationToken);
            }

            if (operation.Syntax is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation
                && creation.Type.ToString().EndsWith("Url", StringComparison.Ordinal) && operation.SemanticModel is { } model)
            {
                return resolver.Resolve(model.GetValueOperation(creation.ArgumentList.Arguments[0].Expression, cancellationToken), cancellationToken);
            }

            return resolver.Resolve(operation, cancellationToken);
        }

        /// <summary>new FlurlClient(baseUrl), read from the client's declaration.</summary>
        private static ResolvedValue ClientBaseUrl(IOperation? client, ValueResolver resolver, CancellationToken cancellationToken)
        {
            client = MemberAssignments.ValueOrInitializer(client, cancellationToken);

            return client?.Syntax is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation && client.SemanticModel is { } creationModel
                ? resolver.Resolve(creationModel.GetValueOperation(creation.ArgumentList.Arguments[0].Expression, cancellationToken), cancellationToken)
                : ResolvedValue.None;
        }

        private static bool ChainHasBuilder(IOperation? operation)
        {
            for (var depth = 0; depth < 32 && CallSite.Unwrap(operation)?.Syntax is InvocationExpressionSyntax invocation; depth++)
            {
                var receiver = invocation.Expression is MemberAccessExpressionSyntax access ? operation!.SemanticModel?.GetValueOperation(access.Expression, CancellationToken.None) : null;
                var name = NameOf(invocation);
                if (name is "AppendPathSegment" or "AppendPathSegments" || (name is not null && PassThrough.Contains(name))
                    || (name == "Request" && CallSite.Unwrap(receiver)?.Type?.Name is "FlurlClient" or "IFlurlClient"))
                {
                    return true;
                }

                operation = receiver;
            }

            return false;
        }

        private static string? NameOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The receiver and the other arguments of a call, bound (an extension's this is its first argument) or not.</summary>
        private static (IOperation? Receiver, List<IOperation> Arguments) Parts(IOperation operation, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            var arguments = new List<IOperation>();
            if (operation is IInvocationOperation bound)
            {
                var receiver = bound.Instance;
                foreach (var argument in bound.Arguments)
                {
                    if (receiver is null && bound.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0)
                    {
                        receiver = argument.Value;
                    }
                    else if (argument.ArgumentKind == ArgumentKind.Explicit)
                    {
                        arguments.Add(argument.Value);
                    }
                    else if (argument.ArgumentKind == ArgumentKind.ParamArray && CallSite.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } items })
                    {
                        arguments.AddRange(items.ElementValues);
                    }
                }

                return (receiver, arguments);
            }

            var model = operation.SemanticModel;
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (model?.GetValueOperation(argument.Expression, cancellationToken) is { } value)
                {
                    arguments.Add(value);
                }
            }

            var unboundReceiver = invocation.Expression is MemberAccessExpressionSyntax access ? model?.GetValueOperation(access.Expression, cancellationToken) : null;
            return (unboundReceiver, arguments);
        }
    }
}
