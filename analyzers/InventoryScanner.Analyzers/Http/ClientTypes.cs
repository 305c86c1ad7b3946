using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// Types whose calls are integrations although the calling code names no library: Refit interfaces (methods declared
    /// with a verb attribute), gRPC clients (classes derived from <c>Grpc.Core.ClientBase</c>), WCF clients
    /// (<c>System.ServiceModel.ClientBase&lt;T&gt;</c>), service contracts (<c>[ServiceContract]</c> interfaces) and the
    /// application's own request wrappers (a public <c>GetAsync(string uri)</c>). A host that binds only
    /// files mentioning the analyzers' trigger words (the scanner's pre-filter) must also bind files that mention these
    /// type names, or it never sees <c>_api.GetUserAsync(id)</c>. Looks at the compilation's own types and at those of the
    /// projects it references, not at packages or the framework.
    /// </summary>
    public static class ClientTypes
    {
        private static readonly ImmutableHashSet<string> RefitVerbs = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Get", "Post", "Put", "Delete", "Patch", "Head", "Options",
            "GetAttribute", "PostAttribute", "PutAttribute", "DeleteAttribute", "PatchAttribute", "HeadAttribute", "OptionsAttribute");

        /// <summary>Each compilation's own names, kept while the compilation lives: a library is looked at once, not once per project that references it.</summary>
        private static readonly ConditionalWeakTable<Compilation, string[]> OwnNames = new ConditionalWeakTable<Compilation, string[]>();

        public static ImmutableArray<string> NamesToBind(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(Own(compilation, cancellationToken), StringComparer.Ordinal);
            foreach (var reference in compilation.References)
            {
                if (reference is CompilationReference referenced)
                {
                    names.UnionWith(Own(referenced.Compilation, cancellationToken));
                }
            }

            return names.ToImmutableArray();
        }

        private static string[] Own(Compilation compilation, CancellationToken cancellationToken)
        {
            if (OwnNames.TryGetValue(compilation, out var known))
            {
                return known;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            Collect(compilation.Assembly.GlobalNamespace, names, cancellationToken);
            return OwnNames.GetValue(compilation, _ => names.ToArray());
        }

        private static void Collect(INamespaceSymbol root, HashSet<string> names, CancellationToken cancellationToken)
        {
            foreach (var type in root.DeclaredTypes(cancellationToken))
            {
                if (IsRefitInterface(type, cancellationToken) || IsServiceContract(type) || IsRequestWrapper(type)
                    || (IsGeneratedClient(type) && type.ContainingNamespace?.ToDisplayString() is not ("Grpc.Core" or "System.ServiceModel")))
                {
                    names.Add(type.Name);
                }
            }
        }

        private static bool IsRefitInterface(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (type.TypeKind != TypeKind.Interface)
            {
                return false;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol method)
                {
                    continue;
                }

                // In source, only methods written with attributes have their attributes bound.
                if (method.DeclaringSyntaxReferences.Length > 0
                    && !(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is MethodDeclarationSyntax { AttributeLists.Count: > 0 }))
                {
                    continue;
                }

                foreach (var attribute in method.GetAttributes())
                {
                    if (attribute.AttributeClass is { } attributeType && RefitVerbs.Contains(attributeType.Name)
                        && (attributeType is IErrorTypeSymbol || attributeType.ContainingNamespace?.ToDisplayString() == "Refit"))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The application's own request wrapper (<c>IRequestProvider.GetAsync&lt;T&gt;(string uri, …)</c>): its callers name the
        /// address, so the files that call it are bound too (<see cref="Messaging.WrapperMembers.IsRequestWrapper"/>).
        /// </summary>
        private static bool IsRequestWrapper(INamedTypeSymbol type) =>
            type.TypeKind is TypeKind.Interface or TypeKind.Class && !type.IsFrameworkOrSdk()

            // Member names come from the declarations; the members themselves (their parameter types bound) only for a
            // type that has a name worth it: in a scan, this walk runs over every type of every project.
            && type.MemberNames.Any(Messaging.WrapperMembers.IsRequestWrapperName)
            && type.GetMembers().OfType<IMethodSymbol>().Any(m => m.DeclaredAccessibility == Accessibility.Public && Messaging.WrapperMembers.IsRequestWrapper(m));

        /// <summary>A gRPC client (Grpc.Core.ClientBase) or a WCF client (System.ServiceModel.ClientBase&lt;T&gt;), by name when unresolved.</summary>
        private static bool IsGeneratedClient(INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.Name == "ClientBase"
                    && (current is IErrorTypeSymbol || current.ContainingNamespace?.ToDisplayString() is "Grpc.Core" or "System.ServiceModel"))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsServiceContract(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Interface
                || (type.DeclaringSyntaxReferences.Length > 0 && !type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax { AttributeLists.Count: > 0 })))
            {
                return false;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ServiceContractAttribute" or "ServiceContract" } attributeType
                    && (attributeType is IErrorTypeSymbol || attributeType.ContainingNamespace?.ToDisplayString() == "System.ServiceModel"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
