namespace InventoryScanner.Workspace;

/// <summary>
/// Configuration copies under <c>bin/</c> and <c>obj/</c> that the repository committed (<c>Billing.exe.config</c>,
/// <c>Billing.vshost.exe.config</c>, <c>Api.dll.config</c>): they ship with the build, secrets and all, so the scan reads
/// them, marked as build output. What a local build wrote and git does not track is not read: it would only repeat the
/// project's own app.config. Asked of git once per scan; without git (or outside a repository) there are none.
/// </summary>
internal static class CommittedBuildOutput
{
    /// <summary>The detail that marks a finding in a committed build output file: <c>buildOutput: true</c>.</summary>
    public const string Key = "buildOutput";

    private static readonly string[] Patterns = ["*.exe.config", "*.dll.config"];

    /// <summary>Absolute paths of the tracked configuration copies under a bin or obj folder below <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Find(string root)
    {
        if (!IsInRepository(root))
        {
            return [];
        }

        var output = GitCommand.Run(root, TimeSpan.FromSeconds(30), ["ls-files", "-z", "--", .. Patterns]);
        return output is null
            ? []
            : output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Where(IsConfigurationCopy)
                .Select(relative => Path.GetFullPath(Path.Combine(root, relative)))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal)
                .ToList();
    }

    /// <summary>A configuration copy in a bin or obj folder (not a source file generated there, such as a gRPC client).</summary>
    public static bool IsConfigurationCopy(string path) =>
        Patterns.Any(pattern => path.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)) && IsBuildOutput(path);

    /// <summary>A path with a <c>bin</c> or <c>obj</c> folder in it.</summary>
    public static bool IsBuildOutput(string path) =>
        path.Replace('\\', '/').Split('/').SkipLast(1).Any(segment => segment.Equals("bin", StringComparison.OrdinalIgnoreCase) || segment.Equals("obj", StringComparison.OrdinalIgnoreCase));

    private static bool IsInRepository(string root)
    {
        for (var directory = new DirectoryInfo(root); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }
}
