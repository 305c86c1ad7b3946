using System.Collections.Immutable;
using InventoryScanner.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Workspace;

/// <summary>
/// The configuration and deployment files of a scan, passed to the analyzers as AdditionalFiles so targets read from
/// configuration resolve to their values and secrets in them are found. A build passes only what the project lists as
/// AdditionalFiles; the scanner finds them itself:
/// <list type="bullet">
/// <item>beside each project: appsettings*.json, web.config, app.config and their transforms, .env files, YAML;
/// <c>Properties/launchSettings.json</c> and <c>Properties/PublishProfiles/*.pubxml</c>; service reference maps;</item>
/// <item>copies of app.config under <c>bin/</c> and <c>obj/</c> that the repository committed (<see cref="CommittedBuildOutput"/>);</item>
/// <item>anywhere else under the scan root (docker-compose files, Kubernetes manifests, Helm charts, .env files): a file
/// inside a project's folder belongs to that project, any other to the repository itself (<see cref="Unowned"/>).</item>
/// </list>
/// The repository's docker-compose files (and the <c>.env</c> beside them) are also lent to every project
/// (<see cref="Lent"/>): the analyzers read the environment of the compose services built from the project's folder as its
/// configuration, and leave the files' own findings to the repository.
/// Files are read lazily from disk.
/// </summary>
internal sealed class ConfigurationDocuments
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", ".inventory", "node_modules", "packages", "TestResults" };

    private readonly Dictionary<string, List<string>> _byProject;

    private ConfigurationDocuments(Dictionary<string, List<string>> byProject, List<string> unowned)
    {
        _byProject = byProject;
        Unowned = unowned;
        var composeFolders = unowned.Where(f => ConfigurationFileNames.IsComposeFile(Path.GetFileName(f))).Select(Path.GetDirectoryName).ToHashSet(StringComparer.Ordinal);
        Lent = unowned.Where(f => composeFolders.Contains(Path.GetDirectoryName(f)) && (ConfigurationFileNames.IsComposeFile(Path.GetFileName(f)) || Path.GetFileName(f) == ".env")).ToList();
    }

    /// <summary>The repository's compose files and their folders' <c>.env</c>, lent to every project for its environment.</summary>
    public IReadOnlyList<string> Lent { get; }

    /// <summary>Configuration and deployment files under the root that belong to no project.</summary>
    public IReadOnlyList<string> Unowned { get; }

    /// <param name="keep">Which files the scan takes (the settings' globs; true for a file that belongs to a project, which
    /// only an exclude can leave out); null takes all.</param>
    public static ConfigurationDocuments Discover(string root, IEnumerable<string> projectPaths, Func<string, bool, bool>? keep = null)
    {
        var projects = projectPaths.Distinct(StringComparer.Ordinal).ToList();
        var byProject = projects.ToDictionary(p => p, Beside, StringComparer.Ordinal);
        var claimed = byProject.Values.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        var folders = projects
            .Select(p => (Project: p, Folder: Path.GetDirectoryName(p)! + Path.DirectorySeparatorChar))
            .OrderByDescending(p => p.Folder.Length)
            .ToList();
        var unowned = new List<string>();
        foreach (var file in Walk(root).Concat(CommittedBuildOutput.Find(root)))
        {
            if (claimed.Contains(file) || !IsConfiguration(file))
            {
                continue;
            }

            var owner = folders.FirstOrDefault(f => file.StartsWith(f.Folder, StringComparison.Ordinal)).Project;
            if (owner is null)
            {
                unowned.Add(file);
            }
            else
            {
                byProject[owner].Add(file);
            }
        }

        unowned.Sort(StringComparer.Ordinal);
        if (keep is not null)
        {
            unowned.RemoveAll(file => !keep(file, false));
            foreach (var files in byProject.Values)
            {
                files.RemoveAll(file => !keep(file, true));
            }
        }

        return new ConfigurationDocuments(byProject, unowned);
    }

    /// <summary>A configuration or deployment file by its name, or a gateway's routes by their content (<see cref="ConfigurationFileNames.HasOcelotRoutes"/>).</summary>
    private static bool IsConfiguration(string path)
    {
        var name = Path.GetFileName(path);
        if (ConfigurationFileNames.EnvironmentOf(name) is not null)
        {
            return true;
        }

        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".runtimeconfig.json", StringComparison.OrdinalIgnoreCase)
            || name is "package.json" or "package-lock.json" or "tsconfig.json" or "global.json" or "project.assets.json")
        {
            return false;
        }

        try
        {
            // Route files are small; a large JSON file is data.
            return new FileInfo(path).Length <= MaxRouteFileBytes && ConfigurationFileNames.HasOcelotRoutes(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private const long MaxRouteFileBytes = 1024 * 1024;

    public IReadOnlyList<string> Of(string projectPath) => _byProject.TryGetValue(projectPath, out var files) ? files : [];

    public Solution AddTo(Solution solution)
    {
        foreach (var project in solution.Projects)
        {
            if (project.FilePath is null)
            {
                continue;
            }

            var present = project.AdditionalDocuments.Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var documents = Of(project.FilePath).Concat(Lent)
                .Where(path => !present.Contains(path))
                .Select(path => DocumentInfo.Create(DocumentId.CreateNewId(project.Id), Path.GetFileName(path), loader: new FileTextLoader(path, defaultEncoding: null), filePath: path))
                .ToImmutableArray();
            if (!documents.IsEmpty)
            {
                solution = solution.AddAdditionalDocuments(documents);
            }
        }

        return solution;
    }

    /// <summary>What is wrong with each of the files that the analyzers cannot read.</summary>
    public static IEnumerable<string> Problems(IEnumerable<string> files, string root)
    {
        foreach (var path in files)
        {
            string? problem;
            try
            {
                problem = ConfigurationFileNames.Validate(Path.GetFileName(path), File.ReadAllText(path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                problem = exception.Message;
            }

            if (problem is not null)
            {
                yield return $"{Path.GetRelativePath(root, path).Replace('\\', '/')} could not be read ({problem}); its values and secrets are not in the inventory";
            }
        }
    }

    /// <summary>The same files for a compilation built without MSBuild.</summary>
    public static ImmutableArray<AdditionalText> AsAdditionalTexts(IEnumerable<string> files) =>
        [.. files.Select(path => (AdditionalText)new FileAdditionalText(path))];

    /// <summary>The files a project keeps beside it (its own folder, Properties, service references).</summary>
    private static List<string> Beside(string projectPath)
    {
        var directory = Path.GetDirectoryName(projectPath);
        if (directory is null || !Directory.Exists(directory))
        {
            return [];
        }

        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var files = Directory.EnumerateFiles(directory, "*", options)
            .Where(path => ConfigurationFileNames.EnvironmentOf(Path.GetFileName(path)) is not null)
            .ToList();

        var properties = Path.Combine(directory, "Properties");
        if (File.Exists(Path.Combine(properties, "launchSettings.json")))
        {
            files.Add(Path.Combine(properties, "launchSettings.json"));
        }

        var profiles = Path.Combine(properties, "PublishProfiles");
        if (Directory.Exists(profiles))
        {
            files.AddRange(Directory.EnumerateFiles(profiles, "*.pubxml", options));
        }

        // Service references keep their maps one folder down: Service References/X/Reference.svcmap, Web References/X/Reference.map.
        foreach (var references in new[] { "Service References", "Web References" })
        {
            var folder = Path.Combine(directory, references);
            if (Directory.Exists(folder))
            {
                files.AddRange(Directory.EnumerateDirectories(folder, "*", options)
                    .SelectMany(reference => Directory.EnumerateFiles(reference, "*", options))
                    .Where(path => ConfigurationFileNames.IsServiceReferenceMap(Path.GetFileName(path))));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static IEnumerable<string> Walk(string root)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(current, "*", options))
            {
                yield return file;
            }

            foreach (var child in Directory.EnumerateDirectories(current, "*", options))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private sealed class FileAdditionalText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            try
            {
                using var stream = File.OpenRead(Path);
                return SourceText.From(stream);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
