using Microsoft.CodeAnalysis;

namespace InventoryScanner.Workspace;

/// <summary>
/// The one framework a multi-targeted project is analysed for: the one the scan asks for (<c>--framework</c>) when the
/// project targets it, else the first by name, the one the design-time load reports on.
/// </summary>
internal static class FrameworkChoice
{
    public static string Choose(IEnumerable<string> frameworks, string? asked)
    {
        var ordered = frameworks.Order(StringComparer.Ordinal).ToList();
        return ordered.FirstOrDefault(framework => string.Equals(framework, asked, StringComparison.OrdinalIgnoreCase)) ?? ordered[0];
    }

    /// <summary>The design-time build's project for the framework: it names each one <c>Name(framework)</c>.</summary>
    public static Microsoft.CodeAnalysis.Project? Choose(IEnumerable<Microsoft.CodeAnalysis.Project> loaded, string? asked)
    {
        var ordered = loaded.OrderBy(project => project.Name, StringComparer.Ordinal).ToList();
        return ordered.FirstOrDefault(project => asked is not null && project.Name.EndsWith("(" + asked + ")", StringComparison.OrdinalIgnoreCase)) ?? ordered.FirstOrDefault();
    }
}
