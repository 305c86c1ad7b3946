using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers.Messaging
{
    /// <summary>
    /// The application's own broker wrappers: a method that publishes (<c>AzureServiceBusService.PublishEventAsync</c>, the
    /// implementation of <c>IEventIntegrationPublisher.PublishEventAsync</c>) makes every call of it a publish site, and one
    /// that consumes from a channel its caller names (<c>IAzureServiceBusService.CreateProcessor(topicName, …)</c>) makes every
    /// call of it a consumer of the caller's channel. A finding inside names the members it is reached through
    /// (<see cref="FindingProperties.Implements"/>) and the method's parameters (<see cref="FindingProperties.Parameters"/>); a
    /// call of a member named like a wrapper (<see cref="IsWrapperName"/>) names the member it calls
    /// (<see cref="FindingProperties.Calls"/>) and its arguments; the scanner joins the two across projects. Members are named
    /// <c>Type.Method</c>, so a call through an interface that did not resolve still names it.
    /// </summary>
    internal static class WrapperMembers
    {
        /// <summary>
        /// How a method that hands a message on is named (PublishAsync, PublishToRetryAsync, SendEventAsync, EnqueueAsync,
        /// PushAsync…), and one that takes messages off a channel (CreateProcessor, SubscribeAsync, ConsumeAsync, ReceiveAsync…).
        /// </summary>
        private static readonly string[] Verbs =
        {
            "Publish", "Send", "Enqueue", "Push", "Emit", "Raise", "Produce", "Dispatch", "Broadcast", "Notify",
            "Subscribe", "Consume", "Receive", "Listen", "CreateProcessor", "CreateReceiver", "CreateConsumer", "StartProcessing", "StartConsuming",
        };

        /// <summary>How a method that makes a request is named: GetAsync, PostAsync, PutJsonAsync, DeleteAsync, SendAsync…</summary>
        private static readonly string[] RequestVerbs = { "Get", "Post", "Put", "Delete", "Patch", "Send" };

        /// <summary>
        /// A request wrapper's method, by its signature: named like a request and taking the address as a string or Uri
        /// parameter named like one (<c>GetAsync&lt;T&gt;(string uri, string token)</c>, <c>PostAsync(string url, T body)</c>).
        /// Seen from a caller in another project too, where only the signature is.
        /// </summary>
        public static bool IsRequestWrapper(IMethodSymbol method) =>
            IsRequestWrapperName(method.Name) && method.Parameters.Any(IsAddressParameter);

        /// <summary>The name <see cref="IsRequestWrapper"/> asks for, to be checked before a type's members are made.</summary>
        public static bool IsRequestWrapperName(string name) => StartsWithVerb(name, RequestVerbs);

        private static bool IsAddressParameter(IParameterSymbol parameter) =>
            (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type.Name == "Uri") && IsAddressParameterName(parameter.Name);

        /// <summary>The name <see cref="IsRequestWrapper"/> asks of the address parameter, to be checked in the syntax before its type is bound.</summary>
        public static bool IsAddressParameterName(string name) =>
            name.IndexOf("uri", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("url", StringComparison.OrdinalIgnoreCase) >= 0
            || name is "path" or "endpoint" or "route" or "resource" or "address" or "relativePath" or "requestPath";

        private static bool StartsWithVerb(string name, string[] verbs)
        {
            foreach (var verb in verbs)
            {
                if (name.StartsWith(verb, StringComparison.Ordinal) && (name.Length == verb.Length || char.IsUpper(name[verb.Length])))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsWrapperName(string name) => StartsWithVerb(name, Verbs);

        /// <summary>
        /// Records on a publish, consume or request what a call of its method needs to stand for it: the members it is reached
        /// through, and, when its channel or address is not known here (it may be the caller's: <c>CreateProcessor(topicName)</c>,
        /// <c>GetAsync(uri)</c>), the method's parameters. A consumer or request whose target is known here is its own place.
        /// </summary>
        public static void AddTo(System.Collections.Immutable.ImmutableDictionary<string, string?>.Builder properties, ISymbol containing, bool publish, ResolvedValue channel, CancellationToken cancellationToken)
        {
            var open = !channel.IsFullyResolved;
            if (publish || open)
            {
                properties[FindingProperties.Implements] = Of(containing, cancellationToken);
            }

            if (open)
            {
                properties[FindingProperties.Parameters] = Parameters(containing);
            }
        }

        /// <summary>
        /// The parameters of the method a finding is in, <c>name=ordinal</c> separated by <c>,</c>: a target built from one
        /// of them (<c>{topicName}</c>, or the parameter itself) is named by each caller's argument. Null outside a method.
        /// </summary>
        public static string? Parameters(ISymbol containing) =>
            containing is IMethodSymbol { MethodKind: MethodKind.Ordinary, Parameters.Length: > 0 } method
                ? string.Join(",", method.Parameters.Select(p => p.Name + "=" + p.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : null;

        /// <summary><c>IEventIntegrationPublisher.PublishEventAsync</c>: a member as a call and an implementation both name it.</summary>
        public static string Key(string typeName, string methodName) => typeName + "." + methodName;

        /// <summary>
        /// The members a publish inside <paramref name="containing"/> is reached through, the method's own first: the method,
        /// the interface members it implements, and, for a helper of its type (<c>AzureQueuePushEngine.SendMessageAsync</c>),
        /// the methods of the same type that call it and the interface members those implement. Null outside a method.
        /// </summary>
        public static string? Of(ISymbol containing, CancellationToken cancellationToken)
        {
            if (containing is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || method.ContainingType is not { } type)
            {
                return null;
            }

            var keys = new List<string>();
            AddWithInterfaces(method, keys);

            // One hop inside the type: the public methods that call this helper by its name.
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (var member in declaration.Members.OfType<MethodDeclarationSyntax>())
                {
                    if (member.Identifier.ValueText == method.Name || !Calls(member, method.Name))
                    {
                        continue;
                    }

                    foreach (var caller in type.GetMembers(member.Identifier.ValueText).OfType<IMethodSymbol>())
                    {
                        AddWithInterfaces(caller, keys);
                    }
                }
            }

            return string.Join(";", keys.Distinct(StringComparer.Ordinal));
        }

        private static void AddWithInterfaces(IMethodSymbol method, List<string> keys)
        {
            keys.Add(Key(method.ContainingType.Name, method.Name));
            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                keys.Add(Key(implemented.ContainingType.Name, implemented.Name));
            }

            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        keys.Add(Key(@interface.Name, member.Name));
                    }
                }
            }
        }

        /// <summary>Whether a method's body calls a method of this name on its own type (<c>SendMessageAsync(…)</c>, <c>this.SendMessageAsync(…)</c>).</summary>
        private static bool Calls(MethodDeclarationSyntax member, string name) =>
            member.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation => invocation.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                GenericNameSyntax generic => generic.Identifier.ValueText == name,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var called } => called.Identifier.ValueText == name,
                _ => false,
            });
    }
}
