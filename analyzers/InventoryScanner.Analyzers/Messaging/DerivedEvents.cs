using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers.Messaging
{
    /// <summary>
    /// The concrete event classes a compilation declares, by the name of each of their base classes, and whether its
    /// code creates them (<c>new X(…)</c>, from the resolver's index of constructor calls): what a message of a base
    /// type (<c>Event</c>, <c>IntegrationEvent</c>) can be. Matched by name, so that a base whose project did not load (an error type)
    /// still finds the classes derived from it.
    /// </summary>
    internal sealed class DerivedEvents
    {
        private readonly Dictionary<string, List<INamedTypeSymbol>> _byBaseName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);

        private readonly ValueResolver _resolver;

        public DerivedEvents(Compilation compilation, ValueResolver resolver, CancellationToken cancellationToken)
        {
            _resolver = resolver;
            foreach (var type in compilation.Assembly.GlobalNamespace.DeclaredTypes(cancellationToken).Where(t => t is { TypeKind: TypeKind.Class, IsAbstract: false }))
            {
                for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
                {
                    if (!_byBaseName.TryGetValue(baseType.Name, out var list))
                    {
                        _byBaseName[baseType.Name] = list = new List<INamedTypeSymbol>();
                    }

                    list.Add(type);
                }
            }
        }

        /// <summary>
        /// The event classes derived from the given type that the scope creates, else that the project creates, ordered by
        /// name; empty for a concrete leaf type.
        /// </summary>
        public (IReadOnlyList<INamedTypeSymbol> Candidates, bool InScope) Of(INamedTypeSymbol message, SyntaxNode? scope)
        {
            if (!_byBaseName.TryGetValue(message.Name, out var list))
            {
                return (Array.Empty<INamedTypeSymbol>(), false);
            }

            var derived = list.Where(t => message.TypeKind == TypeKind.Error || InheritsFrom(t, message)).Where(Rules.MessageBusAnalyzer.IsEvent).ToList();
            if (scope is not null)
            {
                var local = new HashSet<string>(StringComparer.Ordinal);
                AddCreated(scope, local);
                var inScope = derived.Where(t => local.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
                if (inScope.Count > 0)
                {
                    return (inScope, true);
                }
            }

            return (derived.Where(t => _resolver.IsCreated(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList(), false);
        }

        private static void AddCreated(SyntaxNode root, HashSet<string> names)
        {
            foreach (var creation in root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            {
                if (creation.Type.SimpleTypeName() is { } name)
                {
                    names.Add(name);
                }
            }
        }

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor.OriginalDefinition) || (current.TypeKind == TypeKind.Error && current.Name == ancestor.Name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
