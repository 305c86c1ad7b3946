using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
            var mayDeriveFromClientBase = MayDeriveFromClientBase(compilation, cancellationToken);
            foreach (var type in compilation.Assembly.GlobalNamespace.DeclaredTypes(cancellationToken))
            {
                if (IsRefitInterface(type, cancellationToken) || IsServiceContract(type) || IsRequestWrapper(type, cancellationToken)
                    || (mayDeriveFromClientBase && IsGeneratedClient(type) && type.ContainingNamespace?.ToDisplayString() is not ("Grpc.Core" or "System.ServiceModel")))
                {
                    names.Add(type.Name);
                }
            }

            return OwnNames.GetValue(compilation, _ => names.ToArray());
        }

        /// <summary>
        /// Whether a type here can derive from a ClientBase at all: its code names one, or it references gRPC or WCF (a
        /// library's client it derives from does). When not, no base type needs binding: in a large project that binding
        /// was most of this walk.
        /// </summary>
        private static bool MayDeriveFromClientBase(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var name in compilation.ReferencedAssemblyNames)
            {
                if (IsClientLibrary(name.Name))
                {
                    return true;
                }
            }

            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && assembly.Modules.Any(module => module.ReferencedAssemblies.Any(referenced => IsClientLibrary(referenced.Name))))
                {
                    return true;
                }
            }

            return compilation.SyntaxTrees.Any(tree => SourceTexts.Contains(tree.GetText(cancellationToken), "ClientBase"));
        }

        /// <summary>The assemblies that declare a ClientBase: gRPC's (Grpc.Core.Api; Grpc.Core before it) and WCF's (.NET Framework, and the client packages).</summary>
        private static bool IsClientLibrary(string assemblyName) =>
            assemblyName is "Grpc.Core.Api" or "Grpc.Core" or "System.ServiceModel" or "System.ServiceModel.Primitives" or "System.Private.ServiceModel";

        private static bool IsRefitInterface(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            // In source, only a method written with attributes can be one: its members are made only when one is.
            if (type.TypeKind != TypeKind.Interface
                || (!type.DeclaringSyntaxReferences.IsEmpty && !type.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                    && declaration.Members.Any(member => member is MethodDeclarationSyntax { AttributeLists.Count: > 0 }))))
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
        private static bool IsRequestWrapper(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            type.TypeKind is TypeKind.Interface or TypeKind.Class && !type.IsFrameworkOrSdk()

            // The names of a source type's methods and of their parameters are read from its syntax (MemberNames makes every
            // member of some types); the members themselves (their parameter types bound) only for a type whose code has the
            // shape: in a scan, this walk runs over every type of every project.
            && (type.DeclaringSyntaxReferences.IsEmpty ? type.MemberNames.Any(Messaging.WrapperMembers.IsRequestWrapperName) : HasWrapperShape(type, cancellationToken))
            && type.GetMembers().OfType<IMethodSymbol>().Any(m => m.DeclaredAccessibility == Accessibility.Public && Messaging.WrapperMembers.IsRequestWrapper(m));

        /// <summary>
        /// A public method declared in the type's source with a request's name and a string or Uri parameter named like an
        /// address, as far as the syntax tells (a class's method says <c>public</c>; an interface's is public unless it says otherwise).
        /// </summary>
        private static bool HasWrapperShape(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                    && declaration.Members.Any(member => member is MethodDeclarationSyntax method
                        && Messaging.WrapperMembers.IsRequestWrapperName(method.Identifier.ValueText)
                        && (declaration is InterfaceDeclarationSyntax
                            ? !method.Modifiers.Any(m => m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.InternalKeyword))
                            : method.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword)))
                        && method.ParameterList.Parameters.Any(parameter => parameter.Type is { } parameterType && MayBeStringOrUri(parameterType)
                            && Messaging.WrapperMembers.IsAddressParameterName(parameter.Identifier.ValueText))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>string, String, Uri, qualified or nullable; an alias of either is not seen.</summary>
        private static bool MayBeStringOrUri(TypeSyntax type) => type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.StringKeyword),
            NullableTypeSyntax nullable => MayBeStringOrUri(nullable.ElementType),
            QualifiedNameSyntax qualified => MayBeStringOrUri(qualified.Right),
            AliasQualifiedNameSyntax alias => MayBeStringOrUri(alias.Name),
            IdentifierNameSyntax name => name.Identifier.ValueText is "String" or "Uri",
            _ => false,
        };

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
