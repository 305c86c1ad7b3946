using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>Reads an additional file's <see cref="OptionKeys.AdditionalFileRole"/>.</summary>
    internal static class AdditionalFileRoles
    {
        /// <summary>True for a deployment file lent to the project for the environment it gives it, and nothing else.</summary>
        public static bool IsEnvironment(AnalyzerOptions options, AdditionalText file) =>
            options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(OptionKeys.AdditionalFileRole, out var role)
            && string.Equals(role, OptionKeys.EnvironmentRole, StringComparison.OrdinalIgnoreCase);
    }
}
