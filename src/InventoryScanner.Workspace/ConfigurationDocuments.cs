using System.Collections.Immutable;
using InventoryScanner.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Workspace;

/// <summary>
/// The configuration files beside a project (appsettings*.json, web.config, app.config and their transforms), passed to
/// the analyzers as AdditionalFiles so targets read from configuration resolve to their values. A build passes only
/// what the project lists as AdditionalFiles; the scanner adds these, read lazily from disk.
/// </summary>
internal static class ConfigurationDocuments
{
    public static IEnumerable<string> Find(string projectPath)
    {
        var directory = Path.GetDirectoryName(projectPath);
        if (directory is null || !Directory.Exists(directory))
        {
            return [];
        }

        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var files = Directory.EnumerateFiles(directory, "*", options)
            .Where(path => ConfigurationFileNames.EnvironmentOf(Path.GetFileName(path)) is not null);

        // Service references keep their maps one folder down: Service References/X/Reference.svcmap, Web References/X/Reference.map.
        foreach (var references in new[] { "Service References", "Web References" })
        {
            var folder = Path.Combine(directory, references);
            if (Directory.Exists(folder))
            {
                files = files.Concat(Directory.EnumerateDirectories(folder, "*", options)
                    .SelectMany(reference => Directory.EnumerateFiles(reference, "*", options))
                    .Where(path => ConfigurationFileNames.IsServiceReferenceMap(Path.GetFileName(path))));
            }
        }

        return files.Order(StringComparer.Ordinal);
    }

    public static Solution AddTo(Solution solution)
    {
        foreach (var project in solution.Projects)
        {
            if (project.FilePath is null)
            {
                continue;
            }

            var present = project.AdditionalDocuments.Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var documents = Find(project.FilePath)
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

    /// <summary>What is wrong with each configuration file beside the project that the analyzers cannot read.</summary>
    public static IEnumerable<string> Problems(string projectPath, string root)
    {
        foreach (var path in Find(projectPath))
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
    public static ImmutableArray<AdditionalText> AsAdditionalTexts(string projectPath) =>
        [.. Find(projectPath).Select(path => (AdditionalText)new FileAdditionalText(path))];

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
