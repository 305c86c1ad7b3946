using System.Xml.Linq;

namespace InventoryScanner.Workspace;

/// <summary>
/// Imports a project's build files make that point at nothing. The design-time load ignores a missing import (a
/// company-wide <c>build/Common.props</c> that is not committed, an <c>eng/Versions.props</c> of another checkout), so
/// the project still loads, but without what that file sets: package versions, properties, items. Each is a reason the
/// component is <c>partial</c>, said once per project. Only imports whose path is plain or built from
/// <c>$(MSBuildThisFileDirectory)</c> and <c>$(MSBuildProjectDirectory)</c> are checked, and never one guarded by a
/// condition (<c>Exists(…)</c> is how build files make an import optional).
/// </summary>
internal static class MissingImports
{
    /// <summary>The build files MSBuild imports implicitly, looked up from the project's folder upwards.</summary>
    private static readonly string[] ImplicitFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    public static IReadOnlyList<string> Of(string projectPath, string root)
    {
        var projectDirectory = Path.GetDirectoryName(projectPath)!;
        var files = ImplicitFiles
            .Select(name => FileLookup.NearestAbove(projectDirectory, name))
            .OfType<string>()
            .Prepend(projectPath);
        var messages = new List<string>();
        foreach (var file in files)
        {
            foreach (var missing in Missing(file, projectDirectory))
            {
                messages.Add($"{Relative(root, file)} imports '{missing}', which does not exist: what it sets (package versions, properties, items) is missing from the load");
            }
        }

        return messages;
    }

    private static IEnumerable<string> Missing(string file, string projectDirectory)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (Exception exception) when (exception is System.Xml.XmlException or IOException or UnauthorizedAccessException)
        {
            yield break; // a file that cannot be read is said by the load itself
        }

        var directory = Path.GetDirectoryName(file)!;
        foreach (var import in document.Descendants().Where(e => e.Name.LocalName == "Import"))
        {
            if (import.Attribute("Condition") is not null || import.Parent?.Attribute("Condition") is not null || import.Attribute("Sdk") is not null)
            {
                continue;
            }

            var path = import.Attribute("Project")?.Value.Trim();
            if (string.IsNullOrEmpty(path))
            {
                continue;
            }

            var expanded = path
                .Replace("$(MSBuildThisFileDirectory)", directory + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
                .Replace("$(MSBuildProjectDirectory)", projectDirectory, StringComparison.OrdinalIgnoreCase)
                .Replace('\\', Path.DirectorySeparatorChar);
            if (expanded.Contains("$(", StringComparison.Ordinal) || expanded.IndexOfAny(['*', '?', '%', '@']) >= 0)
            {
                continue;
            }

            var full = Path.GetFullPath(Path.IsPathRooted(expanded) ? expanded : Path.Combine(directory, expanded));
            if (!File.Exists(full))
            {
                yield return path;
            }
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
