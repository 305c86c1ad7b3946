using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// A client registration: <c>AddHttpClient</c>, Refit's <c>AddRefitClient&lt;T&gt;</c> or <c>RestService.For&lt;T&gt;(url)</c>,
    /// gRPC's <c>AddGrpcClient&lt;T&gt;</c>. Which client, where it points, and what protects it.
    /// </summary>
    internal sealed class HttpClientRegistration
    {
        public HttpClientRegistration(string library, string? name, INamedTypeSymbol? client, INamedTypeSymbol? implementation, ResolvedValue baseAddress, ImmutableArray<string> resilience, string location)
        {
            Library = library;
            Name = name;
            Client = client;
            Implementation = implementation;
            BaseAddress = baseAddress;
            Resilience = resilience;
            Location = location;
        }

        /// <summary>The package the registration method belongs to: Microsoft.Extensions.Http, Refit, Grpc.Net.ClientFactory.</summary>
        public string Library { get; }

        /// <summary>Whether it registers a client in DI (reported as INV1002) rather than creating one (RestService.For).</summary>
        public bool IsDependencyInjection => Library != RefitRestService;

        internal const string RefitRestService = "Refit (RestService.For)";

        /// <summary>The name of a named client (<c>AddHttpClient("github", …)</c>).</summary>
        public string? Name { get; }

        /// <summary>The typed client (<c>AddHttpClient&lt;TClient&gt;</c>, or TClient of <c>&lt;TClient, TImplementation&gt;</c>).</summary>
        public INamedTypeSymbol? Client { get; }

        public INamedTypeSymbol? Implementation { get; }

        public ResolvedValue BaseAddress { get; }

        /// <summary>Resilience that applies: the handler methods chained on the registration, and <c>Timeout</c> when set.</summary>
        public ImmutableArray<string> Resilience { get; }

        /// <summary><c>Program.cs:12</c>: where the registration is, for the evidence.</summary>
        public string Location { get; }

        /// <summary>What calls through this client and its registration have in common: <c>typed:Ns.Client</c> or <c>named:github</c>.</summary>
        public string Key => Client is not null ? TypedKey(Implementation ?? Client) : NamedKey(Name ?? string.Empty);

        public static string TypedKey(INamedTypeSymbol type) => "typed:" + type.ToDisplayString();

        public static string NamedKey(string name) => "named:" + name;

        public string Describe() =>
            Client is not null ? "typed " + (Implementation ?? Client).Name + (Name is null ? string.Empty : " '" + Name + "'") : "named '" + Name + "'";
    }

    /// <summary>
    /// Every client registration of a compilation, found once: only files whose text mentions a registration method are
    /// looked at, and only those invocations are bound. Calls made through a typed client (an AddHttpClient class, a Refit
    /// interface, a gRPC client) or an <c>IHttpClientFactory.CreateClient(name)</c> client are attributed to their
    /// registration, so they inherit its address and its resilience facts.
    /// </summary>
    internal sealed class HttpClientRegistrations
    {
        private readonly ImmutableArray<HttpClientRegistration> _registrations;

        private HttpClientRegistrations(ImmutableArray<HttpClientRegistration> registrations)
        {
            _registrations = registrations;
        }

        public static HttpClientRegistrations Collect(Compilation compilation, ValueResolver resolver, CancellationToken cancellationToken)
        {
            var registrations = ImmutableArray.CreateBuilder<HttpClientRegistration>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken);
                if (!HttpLibrary.RegistrationWords.Any(word => Contains(text, word)))
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation || !IsRegistrationSyntax(invocation))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Registrations live in other files than the calls; only these few invocations are bound, once per compilation.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

                    if (TryRead(invocation, model, resolver, cancellationToken) is { } registration)
                    {
                        registrations.Add(registration);
                    }
                }
            }

            return new HttpClientRegistrations(registrations.ToImmutable());
        }

        /// <summary>The registration of a typed client class (as TClient or as TImplementation).</summary>
        public HttpClientRegistration? ForType(INamedTypeSymbol type)
        {
            foreach (var registration in _registrations)
            {
                if (SymbolEqualityComparer.Default.Equals(registration.Implementation, type)
                    || (registration.Implementation is null && SymbolEqualityComparer.Default.Equals(registration.Client, type)))
                {
                    return registration;
                }
            }

            return null;
        }

        public HttpClientRegistration? ForName(string name)
        {
            foreach (var registration in _registrations)
            {
                if (registration.Name == name)
                {
                    return registration;
                }
            }

            return null;
        }

        /// <summary>
        /// The registration an invocation makes. A bound call must be the real registration method; one that did not bind
        /// (the builder's type or the package is missing, as in code that does not restore) is taken by its name and says so.
        /// </summary>
        public static HttpClientRegistration? TryRead(InvocationExpressionSyntax invocation, SemanticModel model, ValueResolver resolver, CancellationToken cancellationToken)
        {
            if (!IsRegistrationSyntax(invocation) || !HttpLibrary.Registrations.TryGetValue(NameOf(invocation)!, out var method))
            {
                return null;
            }

            var operation = model.GetValueOperation(invocation, cancellationToken);
            if (operation is IInvocationOperation bound && !DeclaredIn(bound.TargetMethod, method.DeclaringType))
            {
                return null;
            }

            return Read(invocation, model, method.Library, byName: operation is not IInvocationOperation, resolver, cancellationToken);
        }

        /// <summary>
        /// Whether the method belongs to the static class: directly, or through a C# 14 extension block (Refit 14 declares
        /// AddRefitClient in <c>extension(IServiceCollection services) { … }</c>, whose members sit in a nested marker type).
        /// </summary>
        private static bool DeclaredIn(IMethodSymbol method, string declaringType)
        {
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.ToDisplayString() == declaringType)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A call named like a registration method; <c>For</c> only as <c>RestService.For&lt;T&gt;(…)</c>.</summary>
        private static bool IsRegistrationSyntax(InvocationExpressionSyntax invocation)
        {
            var name = NameOf(invocation);
            if (name is null || !HttpLibrary.Registrations.ContainsKey(name))
            {
                return false;
            }

            return name != "For" || invocation.Expression is MemberAccessExpressionSyntax { Expression: var receiver, Name: GenericNameSyntax }
                && (receiver is IdentifierNameSyntax { Identifier.ValueText: "RestService" } || receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RestService" });
        }

        /// <summary>
        /// Reads a registration from its syntax, binding only its parts (type arguments, the name, the values assigned in
        /// the configure lambdas), so it reads the same whether the call bound or not.
        /// </summary>
        private static HttpClientRegistration Read(InvocationExpressionSyntax registration, SemanticModel model, string library, bool byName, ValueResolver resolver, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? client = null;
            INamedTypeSymbol? implementation = null;
            if (registration.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic })
            {
                var types = generic.TypeArgumentList.Arguments;
                client = types.Count >= 1 ? model.GetTypeInfo(types[0], cancellationToken).Type as INamedTypeSymbol : null;
                implementation = types.Count == 2 ? model.GetTypeInfo(types[1], cancellationToken).Type as INamedTypeSymbol : null;
            }

            string? name = null;
            var baseAddress = ResolvedValue.None;
            var resilience = ImmutableArray.CreateBuilder<string>();
            foreach (var argument in registration.ArgumentList.Arguments)
            {
                if (argument.Expression is LambdaExpressionSyntax lambda)
                {
                    ReadConfigureLambda(lambda, model, resolver, ref baseAddress, resilience, cancellationToken);
                }
                else if (library == HttpClientRegistration.RefitRestService)
                {
                    // RestService.For<T>("https://…"): the host URL is the first argument (an HttpClient carries its own).
                    if (!baseAddress.HasText && model.GetTypeInfo(argument.Expression, cancellationToken).Type is { SpecialType: SpecialType.System_String } or { Name: "Uri" })
                    {
                        baseAddress = resolver.Resolve(model.GetValueOperation(argument.Expression, cancellationToken), cancellationToken);
                    }
                }
                else if (name is null && model.GetConstantValue(argument.Expression, cancellationToken).Value is string constant)
                {
                    name = constant;
                }
            }

            // The calls chained on the returned builder: services.AddHttpClient<T>(…).ConfigureHttpClient(…).AddStandardResilienceHandler();
            SyntaxNode current = registration;
            while (current.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Expression == current
                && memberAccess.Parent is InvocationExpressionSyntax outer)
            {
                var method = memberAccess.Name.Identifier.ValueText;
                if (HttpLibrary.ResilienceMethods.Contains(method))
                {
                    resilience.Add(method);
                }
                else if (method == "ConfigureHttpClient")
                {
                    foreach (var argument in outer.ArgumentList.Arguments)
                    {
                        if (argument.Expression is LambdaExpressionSyntax lambda)
                        {
                            ReadConfigureLambda(lambda, model, resolver, ref baseAddress, resilience, cancellationToken);
                        }
                    }
                }

                current = outer;
            }

            var span = registration.GetLocation().GetLineSpan();
            var location = System.IO.Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (byName ? " (recognised by name)" : string.Empty);
            return new HttpClientRegistration(library, name, client, implementation, baseAddress, resilience.Distinct().OrderBy(r => r, StringComparer.Ordinal).ToImmutableArray(), location);
        }

        /// <summary>
        /// Reads <c>client =&gt; { client.BaseAddress = …; client.Timeout = …; }</c> (also with (provider, client)), and gRPC's
        /// <c>options =&gt; options.Address = …</c>.
        /// </summary>
        private static void ReadConfigureLambda(LambdaExpressionSyntax lambda, SemanticModel model, ValueResolver resolver, ref ResolvedValue baseAddress, ImmutableArray<string>.Builder resilience, CancellationToken cancellationToken)
        {
            var client = lambda switch
            {
                SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: > 0 } parenthesized =>
                    parenthesized.ParameterList.Parameters[parenthesized.ParameterList.Parameters.Count - 1].Identifier.ValueText,
                _ => null,
            };

            foreach (var node in lambda.Body.DescendantNodesAndSelf())
            {
                if (node is not AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } property } assignment
                    || target.Identifier.ValueText != client)
                {
                    continue;
                }

                if (property.Name.Identifier.ValueText is "BaseAddress" or "Address")
                {
                    baseAddress = resolver.Resolve(model.GetValueOperation(assignment.Right, cancellationToken), cancellationToken);
                }
                else if (property.Name.Identifier.ValueText == "Timeout")
                {
                    resilience.Add("Timeout");
                }
            }
        }

        /// <summary>An ordinal search of the text that copies nothing.</summary>
        private static bool Contains(Microsoft.CodeAnalysis.Text.SourceText text, string word)
        {
            var last = text.Length - word.Length;
            for (var i = 0; i <= last; i++)
            {
                if (text[i] != word[0])
                {
                    continue;
                }

                var j = 1;
                while (j < word.Length && text[i + j] == word[j])
                {
                    j++;
                }

                if (j == word.Length)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? NameOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } => generic.Identifier.ValueText,
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
    }
}
