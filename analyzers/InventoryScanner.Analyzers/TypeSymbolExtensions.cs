using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers
{
    internal static class TypeSymbolExtensions
    {
        /// <summary>Namespaces of the framework and of client SDKs: their types configure or wrap a library, they are not the application's own.</summary>
        private static readonly string[] FrameworkNamespaces =
        {
            "System", "Microsoft.Extensions", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Azure", "Microsoft.Data",
            "Microsoft.Identity", "Microsoft.ApplicationInsights", "Azure", "Amazon", "Google", "Grpc", "Newtonsoft", "RabbitMQ", "Confluent",
            "MassTransit", "NServiceBus", "StackExchange", "Npgsql", "Polly", "Refit", "RestSharp", "Flurl", "MongoDB", "Dapper", "MediatR",
        };

        /// <summary>A type of the framework or of a client SDK (JsonSerializerOptions, ServiceBusSender), not one the application declares.</summary>
        public static bool IsFrameworkOrSdk(this INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            foreach (var framework in FrameworkNamespaces)
            {
                if (ns == framework || ns.StartsWith(framework + ".", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
        /// <summary>
        /// Every type declared in <paramref name="root"/> and the namespaces below it, and the types nested in its classes
        /// (gRPC clients are nested in their generated service class), without recursion.
        /// </summary>
        public static System.Collections.Generic.IEnumerable<INamedTypeSymbol> DeclaredTypes(this INamespaceSymbol root, System.Threading.CancellationToken cancellationToken)
        {
            // Type members only: a source class makes its nested types from its declarations, while GetMembers would make
            // every method, property and field of every class in the compilation (a third of a scan's declaration work).
            var pending = new System.Collections.Generic.Stack<INamespaceOrTypeSymbol>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop();
                if (current is INamespaceSymbol currentNamespace)
                {
                    foreach (var ns in currentNamespace.GetNamespaceMembers())
                    {
                        pending.Push(ns);
                    }
                }

                foreach (var type in current.GetTypeMembers())
                {
                    yield return type;
                    if (type.TypeKind == TypeKind.Class)
                    {
                        pending.Push(type);
                    }
                }
            }
        }

        /// <summary>
        /// Whether a library declares the type: its namespace or its assembly's name starts with <paramref name="prefix"/>
        /// (<c>AddOpenTelemetry</c> lives in Microsoft.Extensions.DependencyInjection, in the OpenTelemetry.Extensions.Hosting
        /// assembly). How a call found by name is told apart from the application's own method of that name.
        /// </summary>
        public static bool IsDeclaredIn(this ITypeSymbol? type, string prefix) =>
            type is not null
            && ((type.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith(prefix, System.StringComparison.Ordinal)
                || (type.ContainingAssembly?.Name ?? string.Empty).StartsWith(prefix, System.StringComparison.Ordinal));

        /// <summary>
        /// The type is one of these, by full name: the simple name is compared first, so the display string is built only
        /// for a type that could be one (this runs for every call or creation an analyzer looks at).
        /// </summary>
        public static bool IsOneOf(this ITypeSymbol type, string[] fullNames)
        {
            string? display = null;
            var name = type.Name;
            foreach (var fullName in fullNames)
            {
                // The simple name first, without building "." + name for every call of every static method and creation.
                if (fullName.Length > name.Length && fullName[fullName.Length - name.Length - 1] == '.' && fullName.EndsWith(name, System.StringComparison.Ordinal)
                    && (display ??= type.ToDisplayString()) == fullName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The type is the one of that full name, derives from it or implements it: compared by name, so no symbol need be resolved first.</summary>
        public static bool IsOrInheritsName(this ITypeSymbol? type, string fullName)
        {
            // (FtpWebRequest?) in a nullable context displays with its annotation; the type is the same. The name is shown
            // without it (WithNullableAnnotation throws NotSupportedException for some symbols of the public model).
            // The simple name first: the display string is built only for a type that could be the one (this runs for every
            // call an analyzer looks at).
            var generic = fullName.IndexOf('<');
            var prefix = generic < 0 ? fullName : fullName.Substring(0, generic);
            var simple = prefix.Substring(prefix.LastIndexOf('.') + 1);
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == simple && current.ToDisplayString(NameWithoutNullability) == fullName)
                {
                    return true;
                }
            }

            return type is not null && System.Linq.Enumerable.Any(type.AllInterfaces, i => i.Name == simple && i.ToDisplayString(NameWithoutNullability) == fullName);
        }

        private static readonly SymbolDisplayFormat NameWithoutNullability =
            SymbolDisplayFormat.CSharpErrorMessageFormat.RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>The type is <paramref name="expected"/> (generic definitions compared), derives from it or implements it.</summary>
        public static bool IsOrInherits(this ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (type is null || expected is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected.OriginalDefinition))
                {
                    return true;
                }
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, expected.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
