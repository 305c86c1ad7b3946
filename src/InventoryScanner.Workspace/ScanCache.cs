using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Workspace;

/// <summary>
/// What the last scan found in each project, kept between scans (<c>--cache</c>, by default <c>.inventory/cache</c> under
/// the scan root): a project whose inputs are unchanged is not compiled or analysed again, its component and findings are
/// read back. The key of a project is a SHA-256 of everything its analysis reads: the scanner's own assemblies, the
/// project file, every source, additional and .editorconfig file (by content), its metadata references (by path, size and
/// time), its options, the keys of the projects it references (a change in a library rescans the projects that use it;
/// one in a leaf project rescans that project only), and what the load and restore said about it. An entry that cannot
/// be read is rescanned; a cache that cannot be written is said once and the scan goes on without it.
/// </summary>
internal sealed class ScanCache
{
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private static readonly Lazy<string> ToolIdentity = new(() => string.Join(",",
        new[] { typeof(RuleIdentifiers), typeof(Finding), typeof(ScanCache) }.Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N"))));

    private readonly string _folder;
    private int _writeFailed;

    private ScanCache(string folder)
    {
        _folder = folder;
    }

    /// <summary>Projects read from the cache, and analysed, in this scan.</summary>
    public int Hits;

    public int Misses;

    /// <summary>The cache folder, created; null (and said) when it cannot be.</summary>
    public static ScanCache? Open(string folder, List<string> messages)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return new ScanCache(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            messages.Add($"the scan cache '{folder}' cannot be created ({exception.Message}); every project is analysed");
            return null;
        }
    }

    /// <summary>The keys of every project of the solution, a referenced project's before its own.</summary>
    public static Dictionary<ProjectId, string> Keys(Solution solution, Func<Project, string> extra, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<ProjectId, string>();
        string Key(Project project)
        {
            if (keys.TryGetValue(project.Id, out var known))
            {
                return known;
            }

            keys[project.Id] = string.Empty; // a reference cycle names no key twice
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Add(string? text) => hash.AppendData(Encoding.UTF8.GetBytes((text ?? "\0") + "\n"));
            Add($"v{FormatVersion} {ToolIdentity.Value}");
            Add(project.FilePath);
            AddFile(hash, project.FilePath);
            Add(project.ParseOptions is { } parse ? string.Join(";", parse.PreprocessorSymbolNames.Order(StringComparer.Ordinal)) + " " + (parse as Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)?.LanguageVersion : null);
            Add(project.CompilationOptions is { } compilation ? $"{compilation.OutputKind} {compilation.NullableContextOptions} {(compilation as Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)?.AllowUnsafe}" : null);
            foreach (var document in project.Documents.Concat(project.AdditionalDocuments).Concat(project.AnalyzerConfigDocuments).OrderBy(d => d.FilePath, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Add(document.FilePath);
                if (document.FilePath is { } path && File.Exists(path))
                {
                    AddFile(hash, path);
                }
                else if (document.TryGetText(out var text))
                {
                    Add(text.ToString());
                }
            }

            foreach (var reference in project.MetadataReferences.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>().Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(reference);
                Add(info.Exists ? $"{reference} {info.Length} {info.LastWriteTimeUtc.Ticks}" : reference);
            }

            foreach (var referenced in project.ProjectReferences.Select(r => solution.GetProject(r.ProjectId)).OfType<Project>().OrderBy(p => p.FilePath, StringComparer.Ordinal))
            {
                Add(Key(referenced));
            }

            Add(extra(project));
            var key = Convert.ToHexString(hash.GetHashAndReset());
            keys[project.Id] = key;
            return key;
        }

        foreach (var project in solution.Projects)
        {
            Key(project);
        }

        return keys;
    }

    /// <summary>The last scan's component and findings of the project, when its key is the same.</summary>
    public (Component Component, List<Finding> Findings)? Read(string projectPath, string key)
    {
        var file = FileOf(projectPath);
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(file), Json);
            if (entry is null || entry.Key != key)
            {
                return null;
            }

            foreach (var cached in entry.Findings)
            {
                cached.Finding.SuppressedBy = cached.SuppressedBy;
            }

            return (entry.Component, [.. entry.Findings.Select(f => f.Finding)]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            // A damaged entry is no answer: the project is analysed again and the entry rewritten.
            return null;
        }
    }

    /// <summary>Keeps the project's component and its findings as the analysis made them (before the inventory's passes).</summary>
    public void Write(string projectPath, string key, Component component, IEnumerable<Finding> findings, List<string> messages)
    {
        var file = FileOf(projectPath);
        try
        {
            var entry = new Entry(key, component, [.. findings.Select(f => new CachedFinding(f, f.SuppressedBy))]);
            var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(entry, Json));
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _writeFailed, 1) == 0)
            {
                lock (messages)
                {
                    messages.Add($"the scan cache '{_folder}' cannot be written ({exception.Message}); the next scan analyses these projects again");
                }
            }
        }
    }

    private string FileOf(string projectPath) =>
        Path.Combine(_folder, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(projectPath)))[..32].ToLowerInvariant() + ".json");

    private static void AddFile(IncrementalHash hash, string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return;
        }

        try
        {
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("unreadable " + path));
        }
    }

    private sealed record Entry(string Key, Component Component, List<CachedFinding> Findings);

    private sealed record CachedFinding(Finding Finding, string? SuppressedBy);
}
