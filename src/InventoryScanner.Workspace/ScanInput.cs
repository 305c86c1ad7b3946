using Microsoft.Build.Construction;

namespace InventoryScanner.Workspace;

/// <summary>What a scan path names: its root folder and the project files it lists.</summary>
public sealed record ScanInput(string Root, string? SolutionPath, IReadOnlyList<string> ProjectPaths, IReadOnlyList<string> Messages)
{
    private static readonly string[] IgnoredFolders = ["bin", "obj", "node_modules", ".git", ".vs"];

    /// <summary>Reads the path; throws <see cref="ScanInputException"/> when it names nothing that can be scanned.</summary>
    public static ScanInput Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return new ScanInput(full, null, FindProjects(full), []);
        }

        if (!File.Exists(full))
        {
            throw new ScanInputException($"'{path}' does not exist");
        }

        var root = System.IO.Path.GetDirectoryName(full)!;
        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        switch (extension)
        {
            case ".sln" or ".slnx":
                return FromSolution(full, root);
            case var _ when IsProjectFile(full):
                return new ScanInput(root, null, [full], []);
            default:
                throw new ScanInputException($"'{path}' is not a .sln, .slnx or .csproj file, nor a folder");
        }
    }

    private static ScanInput FromSolution(string solution, string root)
    {
        try
        {
            return FromSolutionFile(solution, root);
        }
        catch (Exception exception) when (exception is Microsoft.Build.Exceptions.InvalidProjectFileException or IOException or InvalidOperationException or FormatException)
        {
            // A solution that cannot be read still has its projects on disk beside it.
            var message = $"solution '{System.IO.Path.GetFileName(solution)}' could not be read ({FirstLine(exception.Message)}); scanning the projects in its folder instead";
            return new ScanInput(root, null, FindProjects(root), [message]);
        }
    }

    private static ScanInput FromSolutionFile(string solution, string root)
    {
        var file = SolutionFile.Parse(solution);
        var messages = new List<string>();
        var projects = new List<string>();
        foreach (var project in file.ProjectsInOrder)
        {
            if (project.ProjectType == SolutionProjectType.SolutionFolder)
            {
                continue;
            }

            var projectPath = System.IO.Path.GetFullPath(project.AbsolutePath);
            if (!File.Exists(projectPath))
            {
                messages.Add($"the solution lists '{project.RelativePath}', which does not exist");
                continue;
            }

            projects.Add(projectPath);
        }

        return new ScanInput(root, solution, projects, messages);
    }

    private static List<string> FindProjects(string folder)
    {
        var projects = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            projects.AddRange(Directory.EnumerateFiles(current, "*.*proj", options).Where(IsProjectFile));
            foreach (var child in Directory.EnumerateDirectories(current, "*", options))
            {
                if (!IgnoredFolders.Contains(System.IO.Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(child);
                }
            }
        }

        projects.Sort(StringComparer.Ordinal);
        return projects;
    }

    /// <summary>Project files of .NET languages and C++: C# is analysed, the others are listed in the coverage with the reason.</summary>
    private static bool IsProjectFile(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".csproj" or ".vbproj" or ".fsproj" or ".vcxproj";

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

public sealed class ScanInputException(string message) : Exception(message);
