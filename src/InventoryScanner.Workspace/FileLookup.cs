namespace InventoryScanner.Workspace;

internal static class FileLookup
{
    /// <summary>
    /// The file named <paramref name="name"/> in <paramref name="directory"/> or the nearest folder above it, as MSBuild
    /// finds Directory.Build.props and the .NET host finds global.json; null when there is none.
    /// </summary>
    public static string? NearestAbove(string directory, string name)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
