using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace InventoryScanner.Workspace;

/// <summary>What evaluating a project gave the scan: everything its Roslyn project is made from, and the files it read.</summary>
internal sealed record ProjectDescription
{
    public required string Name { get; init; }
    public required string AssemblyName { get; init; }
    public required LanguageVersion LanguageVersion { get; init; }
    public required string[] PreprocessorSymbols { get; init; }
    public required OutputKind OutputKind { get; init; }
    public required NullableContextOptions Nullable { get; init; }
    public required bool AllowUnsafe { get; init; }
    public required bool CheckOverflow { get; init; }
    public required List<string> Compile { get; init; }
    public required string? GlobalUsings { get; init; }
    public required List<string> Additional { get; init; }
    public required List<string> EditorConfigs { get; init; }
    public required List<string> References { get; init; }
    public required List<string> ProjectReferences { get; init; }

    /// <summary>The project file, every file it imports, and its project.assets.json.</summary>
    public required List<string> Inputs { get; init; }
}

/// <summary>
/// Project evaluations kept between scans (<c>--cache</c>, in its <c>evaluation</c> folder), so a rescan of unchanged
/// projects neither restores nor evaluates them. An evaluation is reused while its stamp holds: the size and time of the
/// project file, of every file it imported and of its project.assets.json; whether a file MSBuild, NuGet or the
/// compiler would pick up by its place has appeared in a folder above (<c>Directory.Build.props</c>,
/// <c>Directory.Packages.props</c>, <c>nuget.config</c>, <c>.editorconfig</c>, <c>global.json</c>); and the names of the
/// files under the project's folder and in the folders its items come from (a file added or removed changes what the
/// globs include). The scanner's own assemblies and the SDK are part of the identity. Restore is skipped when every
/// project's evaluation holds and the last restore's messages are kept.
/// </summary>
internal sealed class EvaluationCache
{
    private const int FormatVersion = 1;

    private static readonly string[] PickedUpByPlace =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "Directory.Build.rsp", "nuget.config", "NuGet.Config", "NuGet.config", ".editorconfig", "global.json"];

    private static readonly HashSet<string> NotListed = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", ".inventory", "node_modules" };

    private readonly string _folder;
    private readonly string _identity;
    private readonly Dictionary<string, ProjectDescription?> _read = new(StringComparer.Ordinal);

    private EvaluationCache(string folder, string identity)
    {
        _folder = folder;
        _identity = identity;
    }

    /// <summary>Projects whose evaluation was reused, and evaluated, in this scan.</summary>
    public int Hits { get; private set; }

    public int Misses { get; private set; }

    /// <summary>The evaluation cache inside a scan cache folder; null when the folder cannot be made (the scan cache says so).</summary>
    public static EvaluationCache? Open(string cacheFolder, string? sdkVersion)
    {
        try
        {
            var folder = Path.Combine(cacheFolder, "evaluation");
            Directory.CreateDirectory(folder);
            var tool = typeof(EvaluationCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");
            return new EvaluationCache(folder, $"{FormatVersion};{tool};{sdkVersion}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The project's last evaluation, when its stamp still holds; null otherwise.</summary>
    public ProjectDescription? Get(string projectPath)
    {
        if (!_read.TryGetValue(projectPath, out var description))
        {
            description = Read(projectPath);
            _read[projectPath] = description;
            if (description is null)
            {
                Misses++;
            }
            else
            {
                Hits++;
            }
        }

        return description;
    }

    public void Put(string projectPath, ProjectDescription description)
    {
        _read[projectPath] = description;
        var entry = new Entry(_identity, projectPath, Stamp(projectPath, description), description);
        TryWrite(EntryPath(projectPath), JsonSerializer.Serialize(entry));
    }

    /// <summary>Forgets what was read: restore has run, and may have changed what the stamps cover.</summary>
    public void Forget()
    {
        _read.Clear();
        Hits = 0;
        Misses = 0;
    }

    /// <summary>The messages of the last restore of exactly these projects, when every one's evaluation still holds.</summary>
    public Dictionary<string, List<string>>? RestoreToSkip(IReadOnlyList<string> projectPaths)
    {
        if (projectPaths.Count == 0 || projectPaths.Any(path => Get(path) is null))
        {
            return null;
        }

        try
        {
            var file = Path.Combine(_folder, "restore.json");
            var kept = File.Exists(file) ? JsonSerializer.Deserialize<KeptRestore>(File.ReadAllText(file)) : null;
            return kept is not null && kept.Identity == _identity && kept.Projects.SequenceEqual(projectPaths.Order(StringComparer.Ordinal)) ? kept.Messages : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void KeepRestore(IReadOnlyList<string> projectPaths, Dictionary<string, List<string>> messages) =>
        TryWrite(Path.Combine(_folder, "restore.json"), JsonSerializer.Serialize(new KeptRestore(_identity, [.. projectPaths.Order(StringComparer.Ordinal)], messages)));

    private ProjectDescription? Read(string projectPath)
    {
        try
        {
            var file = EntryPath(projectPath);
            var entry = File.Exists(file) ? JsonSerializer.Deserialize<Entry>(File.ReadAllText(file)) : null;
            return entry is not null && entry.Identity == _identity && entry.Path == projectPath && entry.Stamp == Stamp(projectPath, entry.Description)
                ? entry.Description
                : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    private string EntryPath(string projectPath) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(projectPath)))[..32] + ".json");

    private static void TryWrite(string file, string text)
    {
        try
        {
            File.WriteAllText(file, text);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next scan evaluates again.
        }
    }

    private static string Stamp(string projectPath, ProjectDescription description)
    {
        var text = new StringBuilder();
        foreach (var input in description.Inputs.Concat(description.EditorConfigs))
        {
            AppendFile(text, input);
        }

        var directory = Path.GetDirectoryName(projectPath)!;
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            foreach (var name in PickedUpByPlace)
            {
                AppendFile(text, Path.Combine(folder.FullName, name));
            }
        }

        AppendListing(text, directory, recursive: true);
        var itemFolders = description.Compile.Concat(description.Additional)
            .Select(Path.GetDirectoryName)
            .OfType<string>()
            .Where(folder => !IsUnder(folder, directory))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var folder in itemFolders)
        {
            AppendListing(text, folder, recursive: false);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void AppendFile(StringBuilder text, string path)
    {
        var file = new FileInfo(path);
        text.Append(path).Append('|');
        text.Append(file.Exists ? $"{file.Length}|{file.LastWriteTimeUtc.Ticks}" : "-").Append('\n');
    }

    private static void AppendListing(StringBuilder text, string folder, bool recursive)
    {
        if (!Directory.Exists(folder))
        {
            text.Append(folder).Append("|-\n");
            return;
        }

        var files = new List<string>();
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            files.AddRange(Directory.EnumerateFiles(current));
            if (recursive)
            {
                foreach (var child in Directory.EnumerateDirectories(current))
                {
                    if (!NotListed.Contains(Path.GetFileName(child)))
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        text.Append(folder).Append('\n');
        foreach (var file in files)
        {
            text.Append(file).Append('\n');
        }
    }

    private static bool IsUnder(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal) || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private sealed record Entry(string Identity, string Path, string Stamp, ProjectDescription Description);

    private sealed record KeptRestore(string Identity, List<string> Projects, Dictionary<string, List<string>> Messages);
}
