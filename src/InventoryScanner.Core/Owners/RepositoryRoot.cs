namespace InventoryScanner.Core.Owners;

/// <summary>The repository a scan root is in: the nearest folder at or above it with a <c>.git</c> (a folder, or a worktree's file).</summary>
public static class RepositoryRoot
{
    /// <summary>
    /// The repository's root, and the scan root's path from it with a trailing <c>/</c> (empty when the scan root is the
    /// repository root); a scan root in no repository is its own root.
    /// </summary>
    public static (string Root, string Prefix) Of(string scanRoot)
    {
        var full = Path.GetFullPath(scanRoot);
        var directory = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                var relative = Path.GetRelativePath(current.FullName, directory).Replace('\\', '/');
                return (current.FullName, relative == "." ? string.Empty : relative.TrimEnd('/') + "/");
            }
        }

        return (directory, string.Empty);
    }
}
