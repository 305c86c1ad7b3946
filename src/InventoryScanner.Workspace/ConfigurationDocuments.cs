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

        return Directory.EnumerateFiles(directory, "*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(path => ConfigurationFileNames.EnvironmentOf(Path.GetFileName(path)) is not null)
            .Order(StringComparer.Ordinal);
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
