namespace InventoryScanner.Core.History;

/// <summary>
/// The commit and branch a repository has checked out, read from its <c>.git</c> files (no git needed): <c>HEAD</c>, the
/// ref it names (loose, or in <c>packed-refs</c>), a worktree's <c>gitdir:</c> file. Null parts when they cannot be read.
/// </summary>
public static class GitHead
{
    public static (string? Commit, string? Branch) Read(string repositoryRoot)
    {
        try
        {
            var gitDirectory = GitDirectory(repositoryRoot);
            if (gitDirectory is null || !File.Exists(Path.Combine(gitDirectory, "HEAD")))
            {
                return (null, null);
            }

            var head = File.ReadAllText(Path.Combine(gitDirectory, "HEAD")).Trim();
            if (!head.StartsWith("ref:", StringComparison.Ordinal))
            {
                return (IsCommit(head) ? head : null, null); // a detached HEAD: the commit itself
            }

            var reference = head[4..].Trim();
            var branch = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;

            // A worktree keeps its HEAD; refs are the main repository's (commondir).
            var common = File.Exists(Path.Combine(gitDirectory, "commondir"))
                ? Path.GetFullPath(Path.Combine(gitDirectory, File.ReadAllText(Path.Combine(gitDirectory, "commondir")).Trim()))
                : gitDirectory;
            foreach (var directory in new[] { gitDirectory, common }.Distinct(StringComparer.Ordinal))
            {
                var loose = Path.Combine(directory, reference.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(loose) && File.ReadAllText(loose).Trim() is var commit && IsCommit(commit))
                {
                    return (commit, branch);
                }

                var packed = Path.Combine(directory, "packed-refs");
                if (File.Exists(packed))
                {
                    foreach (var line in File.ReadLines(packed))
                    {
                        var parts = line.Split(' ', 2);
                        if (parts.Length == 2 && parts[1].Trim() == reference && IsCommit(parts[0]))
                        {
                            return (parts[0], branch);
                        }
                    }
                }
            }

            return (null, branch); // a branch with no commit yet
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    private static string? GitDirectory(string repositoryRoot)
    {
        var dotGit = Path.Combine(repositoryRoot, ".git");
        if (Directory.Exists(dotGit))
        {
            return dotGit;
        }

        // A worktree or submodule: ".git" is a file "gitdir: <path>".
        if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var text && text.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            return Path.GetFullPath(Path.Combine(repositoryRoot, text["gitdir:".Length..].Trim()));
        }

        return null;
    }

    private static bool IsCommit(string text) => text.Length is 40 or 64 && text.All(Uri.IsHexDigit);
}
