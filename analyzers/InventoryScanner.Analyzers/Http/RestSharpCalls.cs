using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// RestSharp (107 and later): <c>IRestClient.ExecuteAsync(request)</c> and the <c>RestClientExtensions</c>
    /// (<c>GetAsync</c>, <c>ExecutePostAsync</c>, <c>GetJsonAsync&lt;T&gt;(resource)</c>, …). The target is the client's base
    /// URL (<c>new RestClient(url)</c>, <c>new RestClient(new RestClientOptions(url))</c>, <c>BaseUrl = …</c>) joined with the
    /// request's resource (<c>new RestRequest("orders/{id}", Method.Post)</c>), placeholders kept as a path template.
    /// </summary>
    internal sealed class RestSharpCalls
    {
        public static readonly string Library = HttpLibrary.RestSharp.Name;

        private readonly Compilation _compilation;

        public RestSharpCalls(Compilation compilation)
        {
            _compilation = compilation;
        }

        // Looked up by the first call with a RestSharp request name, not before.
        private INamedTypeSymbol? RestClient => _compilation.GetBestTypeByMetadataName(KnownTypeNames.RestSharp_RestClient);

        private INamedTypeSymbol? ClientInterface => _compilation.GetBestTypeByMetadataName(KnownTypeNames.RestSharp_IRestClient);

        /// <summary>A bound call whose receiver is a RestSharp client and whose name sends a request.</summary>
        public bool IsCall(IMethodSymbol method)
        {
            if (!SendsRequest(method.Name) || (RestClient is null && ClientInterface is null))
            {
                return false;
            }

            var receiver = method.ReducedFrom is not null ? method.ReducedFrom.Parameters[0].Type
                : method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type
                : method.ContainingType;
            return IsClient(receiver);
        }

        /// <summary>An unbound call on a receiver whose type did not resolve but is named RestClient or IRestClient.</summary>
        public static bool IsCallByName(CallSite call) =>
            call.ReceiverType is IErrorTypeSymbol { Name: "RestClient" or "IRestClient" } && SendsRequest(call.MethodName);

        private bool IsClient(ITypeSymbol? type) => type.IsOrInherits(RestClient) || type.IsOrInherits(ClientInterface);

        private static bool SendsRequest(string name) => HttpLibrary.RestSharp.SendsRequest(name);

        public (string Verb, ResolvedValue Uri, IOperation? Expression) Resolve(CallSite call, ValueResolver resolver, CancellationToken cancellationToken)
        {
            var verb = HttpVerbs.FromMethodName(call.MethodName);
            var resource = call.GetArgument("resource", -1, cancellationToken);
            var request = call.GetArgument("request", 0, cancellationToken);
            if (resource is null && request is not null)
            {
                if (Arguments(request, cancellationToken) is { } requestArguments)
                {
                    resource = Argument(requestArguments, "resource", 0);
                    verb ??= VerbOf(Argument(requestArguments, "method", 1));
                }
                else if (!call.IsBound && CallSite.Unwrap(request)?.Type?.SpecialType == SpecialType.System_String)
                {
                    // Unbound, the first argument is all there is: GetJsonAsync<T>("orders") passes the resource itself.
                    resource = request;
                }
            }

            verb ??= VerbOf(call.GetArgument("httpMethod", -1, cancellationToken)) ?? "GET";
            var path = resource is null ? ResolvedValue.None : resolver.Resolve(resource, cancellationToken);
            var baseUrl = BaseUrlOf(call.Receiver, resolver, cancellationToken);
            if (!baseUrl.HasText)
            {
                return (verb, path, resource);
            }

            if (!path.HasText)
            {
                return (verb, resource is null ? baseUrl : path, resource);
            }

            return (verb, ResolvedValue.Join(UriText.AppendPath(baseUrl.Text!, path.Text!), ResolvedValue.Weaker(baseUrl.Source, path.Source), baseUrl, path), resource);
        }

        /// <summary>new RestClient(url | uri | options), with options built from a URL or given a BaseUrl.</summary>
        private static ResolvedValue BaseUrlOf(IOperation? receiver, ValueResolver resolver, CancellationToken cancellationToken)
        {
            if (Arguments(receiver, cancellationToken) is not { } clientArguments)
            {
                return ResolvedValue.None;
            }

            var first = Argument(clientArguments, "baseUrl", 0) ?? Argument(clientArguments, "options", 0);
            if (first is null)
            {
                return ResolvedValue.None;
            }

            if (CallSite.Unwrap(first)?.Type is { Name: "RestClientOptions" } || first.Syntax is ObjectCreationExpressionSyntax { Type: var type } && type.ToString().EndsWith("RestClientOptions", StringComparison.Ordinal))
            {
                var options = Arguments(first, cancellationToken);
                var url = options is null ? null : Argument(options, "baseUrl", 0) ?? Argument(options, "BaseUrl", -1);
                return url is null ? ResolvedValue.None : resolver.Resolve(url, cancellationToken);
            }

            return resolver.Resolve(first, cancellationToken);
        }

        /// <summary>Method.Post → POST (bound or not: the member name is enough).</summary>
        private static string? VerbOf(IOperation? method) =>
            CallSite.Unwrap(method)?.Syntax is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && name.Length > 0
                ? name.ToUpperInvariant()
                : null;

        /// <summary>
        /// The constructor arguments (and object-initializer assignments, by property name) of the creation a value comes
        /// from, bound or not: an unresolved RestSharp type still has its argument list.
        /// </summary>
        private static List<(string? Name, int Position, IOperation Value)>? Arguments(IOperation? value, CancellationToken cancellationToken)
        {
            value = CallSite.Unwrap(value);
            var model = value?.SemanticModel;

            // A request built fluently, new RestRequest("orders", Method.Post).AddJsonBody(order).AddHeader(…), is the creation
            // at the start of the chain.
            for (var depth = 0; depth < 16 && value?.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                && access.Name.Identifier.ValueText.StartsWith("Add", StringComparison.Ordinal) && model is not null; depth++)
            {
                value = CallSite.Unwrap(model.GetValueOperation(access.Expression, cancellationToken));
            }

            value = MemberAssignments.ValueOrInitializer(value, cancellationToken);

            if (value?.Syntax is not ObjectCreationExpressionSyntax creation || model is null)
            {
                return null;
            }

            var arguments = new List<(string? Name, int Position, IOperation Value)>();
            if (value is IObjectCreationOperation bound)
            {
                for (var i = 0; i < bound.Arguments.Length; i++)
                {
                    if (bound.Arguments[i].ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        arguments.Add((bound.Arguments[i].Parameter?.Name, i, bound.Arguments[i].Value));
                    }
                }
            }
            else if (creation.ArgumentList is { } list)
            {
                for (var i = 0; i < list.Arguments.Count; i++)
                {
                    if (model.GetValueOperation(list.Arguments[i].Expression, cancellationToken) is { } operation)
                    {
                        arguments.Add((list.Arguments[i].NameColon?.Name.Identifier.ValueText, i, operation));
                    }
                }
            }

            foreach (var expression in creation.Initializer?.Expressions ?? default)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax property } assignment
                    && model.GetValueOperation(assignment.Right, cancellationToken) is { } assigned)
                {
                    arguments.Add((property.Identifier.ValueText, -1, assigned));
                }
            }

            return arguments;
        }

        private static IOperation? Argument(List<(string? Name, int Position, IOperation Value)> arguments, string name, int position)
        {
            foreach (var argument in arguments)
            {
                if (argument.Name == name || (argument.Name is null && position >= 0 && argument.Position == position))
                {
                    return argument.Value;
                }
            }

            return null;
        }
    }
}
