using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Workspace;

/// <summary>
/// The scanned repository seen through a folder of links, where each global.json the scan cannot honour is replaced
/// (<see cref="GlobalJsonProblem.Replacement"/>). The .NET host and MSBuild's SDK resolver look global.json up from
/// the folder of the project or solution they are given, and there is no switch to make them ignore it: restore and
/// the design-time build are given the overlay's paths instead, so they find the replacement. Every other entry is a
/// symbolic link to the repository's own, so nothing is copied and the repository is never written to by the overlay
/// (restore writes obj/ through the links, as it would without them). Paths that come back from MSBuild are mapped to
/// the repository's own (<see cref="ToRepository(Solution)"/>), so nothing downstream ever sees the overlay.
/// </summary>
public sealed class SdkOverlay : IDisposable
{
    private SdkOverlay(string repositoryRoot, string overlayRoot, string container, IReadOnlyList<GlobalJsonProblem> problems)
    {
        RepositoryRoot = repositoryRoot;
        OverlayRoot = overlayRoot;
        _container = container;
        Problems = problems;
    }

    /// <summary>The global.json files the overlay replaces.</summary>
    public IReadOnlyList<GlobalJsonProblem> Problems { get; }

    /// <summary>The replaced global.json that applies to a repository project, if one does and the overlay covers it.</summary>
    public GlobalJsonProblem? ProblemOf(string projectPath) =>
        !IsAtOrBelow(projectPath, RepositoryRoot) ? null
        : GlobalJson.Nearest(System.IO.Path.GetDirectoryName(projectPath)!) is { } nearest ? Problems.FirstOrDefault(p => p.Path == nearest) : null;

    private readonly string _container;

    /// <summary>The repository folder the overlay stands for.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The same folder in the overlay (a temporary folder's child of the same name).</summary>
    public string OverlayRoot { get; }

    /// <summary>
    /// The overlay for <paramref name="problems"/>, rooted at <paramref name="scanRoot"/> or at the highest folder above
    /// it whose global.json is replaced. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>
    /// when links cannot be made here (Windows without the symbolic-link privilege).
    /// </summary>
    public static SdkOverlay Create(string scanRoot, IReadOnlyList<GlobalJsonProblem> problems)
    {
        var root = problems
            .Select(p => System.IO.Path.GetDirectoryName(p.Path)!)
            .Where(folder => IsAtOrBelow(scanRoot, folder))
            .Append(scanRoot)
            .MinBy(folder => folder.Length)!;
        var replacements = problems.ToDictionary(p => p.Path, p => p.Replacement, StringComparer.Ordinal);
        var container = Directory.CreateTempSubdirectory("inventory-sdk-").FullName;
        var overlayRoot = System.IO.Path.Combine(container, System.IO.Path.GetFileName(root.TrimEnd(System.IO.Path.DirectorySeparatorChar)) is { Length: > 0 } name ? name : "root");
        var overlay = new SdkOverlay(root, overlayRoot, container, problems);
        try
        {
            Populate(root, overlayRoot, replacements);
            return overlay;
        }
        catch
        {
            overlay.Dispose();
            throw;
        }
    }

    /// <summary>A repository path as the overlay has it; a path outside the overlay's root is returned as it is.</summary>
    public string ToOverlay(string path) => Swap(path, RepositoryRoot, OverlayRoot);

    /// <summary>An overlay path (or text that holds some, such as an MSBuild message) as the repository has it.</summary>
    public string ToRepository(string text) => text.Replace(OverlayRoot, RepositoryRoot, StringComparison.Ordinal);

    /// <summary>
    /// The loaded solution with every project, document, additional document and analyzer config path mapped back to
    /// the repository's own. Texts are still read through the overlay's links, which stay until the scan is done.
    /// </summary>
    public Solution ToRepository(Solution solution)
    {
        foreach (var projectId in solution.ProjectIds)
        {
            var project = solution.GetProject(projectId)!;
            if (project.FilePath is { } projectPath)
            {
                solution = solution.WithProjectFilePath(projectId, ToRepository(projectPath));
            }

            foreach (var document in project.Documents)
            {
                if (document.FilePath is { } documentPath)
                {
                    solution = solution.WithDocumentFilePath(document.Id, ToRepository(documentPath));
                }
            }

            // Additional and analyzer config documents cannot be renamed: they are added again under their own path.
            var additional = project.AdditionalDocuments.Where(d => d.FilePath is not null).ToList();
            var configs = project.AnalyzerConfigDocuments.Where(d => d.FilePath is not null).ToList();
            solution = solution
                .RemoveAdditionalDocuments([.. additional.Select(d => d.Id)])
                .RemoveAnalyzerConfigDocuments([.. configs.Select(d => d.Id)])
                .AddAdditionalDocuments([.. additional.Select(d => Moved(projectId, d.Name, d.Folders, d.FilePath!))])
                .AddAnalyzerConfigDocuments([.. configs.Select(d => Moved(projectId, d.Name, d.Folders, d.FilePath!))]);
        }

        return solution;
    }

    private DocumentInfo Moved(ProjectId projectId, string name, IReadOnlyList<string> folders, string overlayPath) =>
        DocumentInfo.Create(DocumentId.CreateNewId(projectId), name, folders, loader: new FileTextLoader(overlayPath, defaultEncoding: null), filePath: ToRepository(overlayPath));

    /// <summary>Removes the overlay: its links and its own folders, never what a link points to.</summary>
    public void Dispose() => RemoveTree(_container);

    private static void Populate(string source, string target, IReadOnlyDictionary<string, string> replacements)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in Directory.EnumerateFileSystemEntries(source))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetFileName(entry));
            if (replacements.TryGetValue(entry, out var replacement))
            {
                File.WriteAllText(destination, replacement);
            }
            else if (Directory.Exists(entry) && new FileInfo(entry).LinkTarget is null && replacements.Keys.Any(path => IsAtOrBelow(path, entry)))
            {
                Populate(entry, destination, replacements);
            }
            else if (Directory.Exists(entry))
            {
                Directory.CreateSymbolicLink(destination, entry);
            }
            else
            {
                File.CreateSymbolicLink(destination, entry);
            }
        }
    }

    private static void RemoveTree(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null)
            {
                // The link itself (unlink), never what it points to; Windows removes a folder link as a folder.
                if (OperatingSystem.IsWindows() && Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: false);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            else if (Directory.Exists(entry))
            {
                RemoveTree(entry);
            }
            else
            {
                File.Delete(entry);
            }
        }

        Directory.Delete(folder, recursive: false);
    }

    private static bool IsAtOrBelow(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal)
        || path.StartsWith(folder.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Swap(string path, string from, string to) =>
        IsAtOrBelow(path, from) ? to + path[from.Length..] : path;
}
