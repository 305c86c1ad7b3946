using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers
{
    internal static class TypeSymbolExtensions
    {
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
