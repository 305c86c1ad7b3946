using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace InventoryScanner.Workspace;

/// <summary>
/// A compilation for a project MSBuild could not load: its own C# files (an old-format project's <c>Compile</c> list;
/// otherwise every file not under nested projects, bin or obj) against its framework and the referenced DLLs that
/// exist. An old-format .NET Framework project gets its framework's reference assemblies and its packages.config DLLs
/// (<see cref="LegacyReferences"/>); any other gets this runtime's framework assemblies, and its package types stay
/// unresolved: the analyzers recognise their APIs by name with low confidence.
/// </summary>
internal static class SourceFallback
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    public static Compilation? Create(ProjectFile project, LegacyResolution? legacy, CancellationToken cancellationToken, out int fileCount)
    {
        var directory = Path.GetDirectoryName(project.Path)!;
        var files = ListedFiles(project) ?? SourceFiles(directory, project.Path);
        fileCount = files.Count;
        if (files.Count == 0)
        {
            return null;
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree>(files.Count);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var stream = File.OpenRead(file);
                var text = Microsoft.CodeAnalysis.Text.SourceText.From(stream, throwIfBinaryDetected: true, canBeEmbedded: false);
                trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, file, cancellationToken));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                fileCount--;
            }
        }

        var references = legacy?.FrameworkFolder is not null
            ? [.. legacy.Paths.Select(LegacyReferences.Reference)]
            : FrameworkReferences.Value.AddRange(
                (legacy?.Paths ?? project.HintPaths.Select(hint => Path.GetFullPath(Path.Combine(directory, hint.Replace('\\', Path.DirectorySeparatorChar)))).Where(File.Exists))
                    .Select(LegacyReferences.Reference));
        return CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(project.Path),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// An old-format project's <c>Compile</c> items that exist, linked files outside its folder included; null when the
    /// project lists none or uses wildcards (then its folder is walked).
    /// </summary>
    private static List<string>? ListedFiles(ProjectFile project)
    {
        if (project.IsSdkStyle || project.CompileItems.Count == 0 || project.CompileItems.Any(i => i.Contains('*', StringComparison.Ordinal) || i.Contains("$(", StringComparison.Ordinal)))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(project.Path)!;
        return project.CompileItems
            .Where(item => item.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .Select(item => Path.GetFullPath(Path.Combine(directory, item.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> SourceFiles(string directory, string projectPath)
    {
        var files = new List<string>();
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current != directory && Directory.EnumerateFiles(current, "*.*proj", options).Any())
            {
                continue; // another project's folder
            }

            files.AddRange(Directory.EnumerateFiles(current, "*.cs", options));
            foreach (var child in Directory.EnumerateDirectories(current, "*", options))
            {
                if (Path.GetFileName(child) is not ("bin" or "obj" or ".git" or "node_modules"))
                {
                    pending.Push(child);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
