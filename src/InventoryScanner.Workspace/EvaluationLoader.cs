using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Build.Evaluation;
using Project = Microsoft.Build.Evaluation.Project;
using Microsoft.Build.Evaluation.Context;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Workspace;

/// <summary>
/// Loads restored SDK-style projects without a design-time build: each project file is only evaluated (in this process,
/// every evaluation sharing one <see cref="EvaluationContext"/>, so common imports and globs are read once), and its
/// references are read from what restore already wrote, <c>project.assets.json</c> (packages' compile assets, the
/// targeting packs of its framework references), as the design-time build would resolve them. Multi-targeted projects
/// are evaluated for one framework (<see cref="FrameworkChoice"/>). Projects this cannot
/// load as the build would (not restored, .NET Framework, not C#, code generated in the build) are returned apart (<see cref="Result.Rest"/>) for the
/// design-time build to load.
/// </summary>
internal static class EvaluationLoader
{
    /// <summary>A project as evaluated: what a Roslyn project needs, and its project references by path.</summary>
    internal sealed record EvaluatedProject(string Path, ProjectInfo Info, IReadOnlyList<string> ProjectReferences);

    /// <summary>What evaluation loaded, and the projects it could not (with why), which need the design-time build.</summary>
    internal sealed record Result(List<EvaluatedProject> Projects, Dictionary<string, string> Rest);

    /// <summary>
    /// Evaluates every project; those it cannot load as the build would are returned in <see cref="Result.Rest"/>. With a
    /// <paramref name="cache"/>, a project whose evaluation inputs are unchanged is not evaluated again.
    /// </summary>
    public static Result Load(IReadOnlyList<string> projectPaths, Func<string, string> given, Func<string, string> returned, IScanProgress progress, CancellationToken cancellationToken, EvaluationCache? cache = null, string? framework = null)
    {
        var globals = new Dictionary<string, string>
        {
            ["Configuration"] = "Debug",
            ["DesignTimeBuild"] = "true",
            ["TreatWarningsAsErrors"] = "false",
            ["MSBuildTreatWarningsAsErrors"] = "false",
        };
        ProjectCollection? collection = null;
        EvaluationContext? context = null;
        var evaluated = new List<EvaluatedProject>();
        var rest = new Dictionary<string, string>(StringComparer.Ordinal);
        var references = new MetadataReferences();
        try
        {
            foreach (var path in projectPaths)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var project = cache?.Get(path);
                string? reason = null;
                if (project is null)
                {
                    (project, reason) = Evaluate(given(path), path, collection ??= new ProjectCollection(globals), context ??= EvaluationContext.Create(EvaluationContext.SharingPolicy.Shared), returned, framework);
                    if (project is not null)
                    {
                        cache?.Put(path, project);
                    }
                }

                if (project is null)
                {
                    progress.Info($"{Path.GetFileNameWithoutExtension(path)}: {reason}; loading it with a design-time build");
                    rest[path] = reason!;
                }
                else
                {
                    evaluated.Add(ToProject(path, project, references));
                }
            }
        }
        finally
        {
            collection?.Dispose();
        }

        return new Result(evaluated, rest);
    }

    private static (ProjectDescription? Project, string? Reason) Evaluate(string given, string path, ProjectCollection collection, EvaluationContext context, Func<string, string> returned, string? framework)
    {
        if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "not a C# project");
        }

        Project project;
        try
        {
            project = Load(given, collection, context, null);
            var frameworks = project.GetPropertyValue("TargetFrameworks");
            if (project.GetPropertyValue("TargetFramework").Length == 0 && frameworks.Length > 0)
            {
                // One framework is evaluated: the one asked for, else the first by name, as the design-time load reports on.
                var chosen = FrameworkChoice.Choose(frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), framework);
                project = Load(given, collection, context, chosen);
            }
        }
        catch (Exception exception) when (exception is Microsoft.Build.Exceptions.InvalidProjectFileException or IOException or UnauthorizedAccessException)
        {
            return (null, "its evaluation failed (" + returned(exception.Message.Split('\n')[0]) + ")");
        }

        var identifier = project.GetPropertyValue("TargetFrameworkIdentifier");
        if (identifier is not (".NETCoreApp" or ".NETStandard"))
        {
            return (null, $"targets {(identifier.Length == 0 ? "no known framework" : identifier)}");
        }

        // Code the build generates into obj/ from other files (gRPC and OpenAPI clients, XAML) is compiled only after a
        // target runs: the design-time build runs it, evaluation cannot.
        if (GeneratingItemTypes.FirstOrDefault(type => project.GetItems(type).Count > 0) is { } generating)
        {
            return (null, $"generates code in its build ({generating} items)");
        }

        var assetsPath = project.GetPropertyValue("ProjectAssetsFile");
        if (assetsPath.Length == 0 || !File.Exists(assetsPath))
        {
            return (null, "not restored (no project.assets.json)");
        }

        List<string> references;
        try
        {
            references = Assets.CompileReferences(assetsPath, project);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException)
        {
            return (null, "its project.assets.json could not be read (" + exception.Message.Split('\n')[0] + ")");
        }

        if (references.Count == 0)
        {
            return (null, "no reference assemblies of its framework were found");
        }

        var directory = Path.GetDirectoryName(path)!;
        var givenDirectory = Path.GetDirectoryName(given)!;
        string Repository(string evaluatedPath) => returned(Path.GetFullPath(Path.Combine(givenDirectory, evaluatedPath)));
        List<string> Items(string type) =>
            [.. project.GetItems(type).Select(item => Repository(item.EvaluatedInclude)).Where(File.Exists).Distinct(StringComparer.Ordinal)];

        var name = project.GetPropertyValue("MSBuildProjectName");
        var (languageVersion, symbols) = LanguageSettings(project);
        var description = new ProjectDescription
        {
            Name = name,
            AssemblyName = project.GetPropertyValue("AssemblyName") is { Length: > 0 } assembly ? assembly : name,
            LanguageVersion = languageVersion,
            PreprocessorSymbols = symbols,
            OutputKind = Kind(project),
            Nullable = Nullable(project),
            AllowUnsafe = IsTrue(project.GetPropertyValue("AllowUnsafeBlocks")),
            CheckOverflow = IsTrue(project.GetPropertyValue("CheckForOverflowUnderflow")),
            Compile = Items("Compile"),
            GlobalUsings = GlobalUsings(project),
            Additional = Items("AdditionalFiles"),
            EditorConfigs = [.. EditorConfigs(project, directory, Repository)],
            References = [.. references
                .Concat(project.GetItems("Reference").Select(r => r.GetMetadataValue("HintPath") is { Length: > 0 } hint ? Repository(hint) : null).OfType<string>().Where(File.Exists))
                .Distinct(StringComparer.OrdinalIgnoreCase)],
            ProjectReferences = [.. project.GetItems("ProjectReference")
                .Where(item => !string.Equals(item.GetMetadataValue("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase))
                .Select(item => Repository(item.EvaluatedInclude))
                .Distinct(StringComparer.Ordinal)],
            Inputs = [.. project.Imports.Select(import => returned(import.ImportedProject.FullPath)).Prepend(path).Append(assetsPath).Distinct(StringComparer.Ordinal)],
        };
        collection.UnloadProject(project);
        return (description, null);
    }

    /// <summary>The Roslyn project a description stands for; metadata references are shared across projects.</summary>
    private static EvaluatedProject ToProject(string path, ProjectDescription description, MetadataReferences shared)
    {
        var id = ProjectId.CreateNewId(description.Name);
        DocumentInfo Document(string file) => DocumentInfo.Create(DocumentId.CreateNewId(id), Path.GetFileName(file), loader: new FileTextLoader(file, defaultEncoding: null), filePath: file);

        var documents = description.Compile.Select(Document).ToList();
        if (description.GlobalUsings is { } usings)
        {
            var generated = Path.Combine(Path.GetDirectoryName(path)!, "obj", description.Name + ".GlobalUsings.g.cs");
            documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(id), Path.GetFileName(generated), loader: TextLoader.From(TextAndVersion.Create(SourceText.From(usings, Encoding.UTF8), VersionStamp.Default, generated)), filePath: generated));
        }

        var info = ProjectInfo.Create(
                id,
                VersionStamp.Default,
                description.Name,
                description.AssemblyName,
                LanguageNames.CSharp,
                filePath: path,
                compilationOptions: new CSharpCompilationOptions(
                    description.OutputKind,
                    nullableContextOptions: description.Nullable,
                    allowUnsafe: description.AllowUnsafe,
                    checkOverflow: description.CheckOverflow,
                    concurrentBuild: false),
                // Documentation comments stay plain comments: nothing in the inventory reads them, and parsing and
                // checking them was 5% of a scan (garnet, whose projects all generate documentation).
                parseOptions: new CSharpParseOptions(description.LanguageVersion, DocumentationMode.None, SourceCodeKind.Regular, description.PreprocessorSymbols),
                documents: documents,
                metadataReferences: description.References.Select(shared.Get),
                additionalDocuments: description.Additional.Select(Document))
            .WithAnalyzerConfigDocuments(description.EditorConfigs.Select(Document));
        return new EvaluatedProject(path, info, description.ProjectReferences);
    }

    /// <summary>Items a build turns into C# files in obj/ by running a target: Grpc.Tools, the OpenAPI client generators, WPF XAML.</summary>
    private static readonly string[] GeneratingItemTypes = ["Protobuf", "OpenApiReference", "OpenApiProjectReference", "Page", "ApplicationDefinition"];

    private static Project Load(string path, ProjectCollection collection, EvaluationContext context, string? targetFramework)
    {
        var globals = new Dictionary<string, string>(collection.GlobalProperties);
        if (targetFramework is not null)
        {
            globals["TargetFramework"] = targetFramework;
        }

        return Project.FromFile(path, new Microsoft.Build.Definition.ProjectOptions
        {
            ProjectCollection = collection,
            EvaluationContext = context,
            GlobalProperties = globals,
            LoadSettings = ProjectLoadSettings.IgnoreMissingImports | ProjectLoadSettings.IgnoreEmptyImports | ProjectLoadSettings.IgnoreInvalidImports,
        });
    }

    private static (LanguageVersion Version, string[] Symbols) LanguageSettings(Project project)
    {
        var version = LanguageVersion.Default;
        foreach (var candidate in new[] { project.GetPropertyValue("LangVersion"), project.GetPropertyValue("MaxSupportedLangVersion") })
        {
            if (candidate.Length > 0 && LanguageVersionFacts.TryParse(candidate, out var parsed))
            {
                version = parsed;
                break;
            }
        }

        var symbols = project.GetPropertyValue("DefineConstants")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(FrameworkSymbols(project.GetPropertyValue("TargetFrameworkIdentifier"), project.GetPropertyValue("TargetFrameworkVersion"), project.GetPropertyValue("TargetPlatformIdentifier")))
            .Distinct(StringComparer.Ordinal);
        return (version, [.. symbols]);
    }

    private static OutputKind Kind(Project project) => project.GetPropertyValue("OutputType").ToLowerInvariant() switch
    {
        "exe" => OutputKind.ConsoleApplication,
        "winexe" => OutputKind.WindowsApplication,
        "module" => OutputKind.NetModule,
        "appcontainerexe" => OutputKind.WindowsRuntimeApplication,
        "winmdobj" => OutputKind.WindowsRuntimeMetadata,
        _ => OutputKind.DynamicallyLinkedLibrary,
    };

    private static NullableContextOptions Nullable(Project project) => project.GetPropertyValue("Nullable").ToLowerInvariant() switch
    {
        "enable" => NullableContextOptions.Enable,
        "warnings" => NullableContextOptions.Warnings,
        "annotations" => NullableContextOptions.Annotations,
        _ => NullableContextOptions.Disable,
    };

    private static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file the SDK writes from <c>Using</c> items (ImplicitUsings and the project's own), as the build would.</summary>
    private static string? GlobalUsings(Project project)
    {
        var usings = project.GetItems("Using").ToList();
        if (usings.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder("// <auto-generated/>\n");
        foreach (var item in usings.DistinctBy(u => (u.EvaluatedInclude, u.GetMetadataValue("Alias"), u.GetMetadataValue("Static"))))
        {
            var alias = item.GetMetadataValue("Alias");
            text.Append("global using ")
                .Append(IsTrue(item.GetMetadataValue("Static")) ? "static " : string.Empty)
                .Append(alias.Length > 0 ? alias + " = " : string.Empty)
                .Append("global::").Append(item.EvaluatedInclude).Append(";\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The .editorconfig files from the project's folder up to a <c>root = true</c> one (as the build discovers them), and
    /// the global configs the project lists: rule severities and options the analyzers read.
    /// </summary>
    private static IEnumerable<string> EditorConfigs(Project project, string directory, Func<string, string> repository)
    {
        var found = new List<string>();
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, ".editorconfig");
            if (File.Exists(file))
            {
                found.Add(file);
                if (File.ReadLines(file).Any(line => line.Replace(" ", string.Empty).Equals("root=true", StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }
            }
        }

        found.Reverse();
        return found.Concat(project.GetItems("GlobalAnalyzerConfigFiles").Select(item => repository(item.EvaluatedInclude)).Where(File.Exists)).Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// The symbols the SDK defines for a target framework (<c>NET</c>, <c>NET8_0</c>, <c>NET8_0_OR_GREATER</c> … <c>NET5_0_OR_GREATER</c>,
    /// <c>NETCOREAPP</c>, <c>NETCOREAPP3_1_OR_GREATER</c> …; <c>NETSTANDARD2_0</c> …; <c>WINDOWS</c> for a platform), which
    /// the build adds in a target and evaluation does not.
    /// </summary>
    internal static IEnumerable<string> FrameworkSymbols(string identifier, string version, string platform)
    {
        if (!Version.TryParse(version.TrimStart('v', 'V'), out var target))
        {
            yield break;
        }

        static string Symbol(string prefix, Version v) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{v.Major}_{v.Minor}");
        if (identifier == ".NETCoreApp")
        {
            yield return "NETCOREAPP";
            var core = new[] { "1.0", "1.1", "2.0", "2.1", "2.2", "3.0", "3.1" }.Select(Version.Parse).Where(v => v <= target).ToList();
            foreach (var v in core)
            {
                yield return Symbol("NETCOREAPP", v) + "_OR_GREATER";
            }

            if (target.Major >= 5)
            {
                yield return "NET";
                yield return Symbol("NET", target);
                for (var major = 5; major <= target.Major; major++)
                {
                    yield return Symbol("NET", new Version(major, 0)) + "_OR_GREATER";
                }
            }
            else
            {
                yield return Symbol("NETCOREAPP", target);
            }
        }
        else if (identifier == ".NETStandard")
        {
            yield return "NETSTANDARD";
            yield return Symbol("NETSTANDARD", target);
            foreach (var v in new[] { "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1" }.Select(Version.Parse).Where(v => v <= target))
            {
                yield return Symbol("NETSTANDARD", v) + "_OR_GREATER";
            }
        }

        if (platform.Length > 0)
        {
            yield return platform.ToUpperInvariant();
        }
    }

    /// <summary>
    /// One metadata reference per assembly file for the whole load: fifty projects of one framework share its two hundred
    /// reference assemblies, read once (as MSBuildWorkspace's own cache does), not fifty times.
    /// </summary>
    private sealed class MetadataReferences
    {
        private readonly Dictionary<string, MetadataReference> _byPath = new(StringComparer.Ordinal);

        public MetadataReference Get(string path)
        {
            if (!_byPath.TryGetValue(path, out var reference))
            {
                _byPath[path] = reference = MappedReference.Create(path);
            }

            return reference;
        }
    }

    /// <summary>Reads <c>project.assets.json</c>: the compile-time assemblies restore resolved for the evaluated framework.</summary>
    private static class Assets
    {
        public static List<string> CompileReferences(string assetsPath, Project project)
        {
            using var stream = File.OpenRead(assetsPath);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            var folders = root.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
            var alias = project.GetPropertyValue("TargetFramework");
            var targets = root.GetProperty("targets");
            var target = targets.EnumerateObject().FirstOrDefault(t => t.Name == alias || t.Name == project.GetPropertyValue("TargetFrameworkMoniker"));
            if (target.Value.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"no target {alias} in {Path.GetFileName(assetsPath)}");
            }

            var libraries = root.GetProperty("libraries");
            var references = new List<string>();
            foreach (var library in target.Value.EnumerateObject())
            {
                if (library.Value.TryGetProperty("type", out var type) && type.GetString() != "package")
                {
                    continue;
                }

                var relative = libraries.TryGetProperty(library.Name, out var entry) && entry.TryGetProperty("path", out var libraryPath) ? libraryPath.GetString() : null;
                var folder = relative is null ? null : folders.Select(f => Path.Combine(f, relative)).FirstOrDefault(Directory.Exists);
                if (folder is null)
                {
                    continue;
                }

                if (library.Value.TryGetProperty("compile", out var compile))
                {
                    references.AddRange(compile.EnumerateObject().Where(c => !c.Name.EndsWith("/_._", StringComparison.Ordinal) && c.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Select(c => Path.Combine(folder, c.Name)));
                }

                if (library.Name.StartsWith("NETStandard.Library/", StringComparison.OrdinalIgnoreCase) && project.GetPropertyValue("TargetFrameworkIdentifier") == ".NETStandard")
                {
                    // .NET Standard 2.0's reference assemblies come through the package's build targets, not its compile assets.
                    var standard = Path.Combine(folder, "build", "netstandard2.0", "ref");
                    if (Directory.Exists(standard))
                    {
                        references.AddRange(Directory.EnumerateFiles(standard, "*.dll"));
                    }
                }
            }

            var frameworkReferences = root.GetProperty("project").GetProperty("frameworks").EnumerateObject()
                .Where(f => f.Name == alias || (f.Value.TryGetProperty("targetAlias", out var a) && a.GetString() == alias))
                .SelectMany(f => f.Value.TryGetProperty("frameworkReferences", out var refs) ? refs.EnumerateObject().Select(r => r.Name) : [])
                .ToList();
            foreach (var framework in frameworkReferences)
            {
                references.AddRange(TargetingPack(project, framework, folders));
            }

            return references.Where(File.Exists).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>The reference assemblies of a framework reference: its targeting pack, in the SDK's packs folder or the NuGet cache.</summary>
        private static IEnumerable<string> TargetingPack(Project project, string framework, List<string> packageFolders)
        {
            var shortName = project.GetPropertyValue("TargetFramework").Split('-')[0];
            var known = project.GetItems("KnownFrameworkReference")
                .Where(k => k.EvaluatedInclude == framework && k.GetMetadataValue("TargetFramework").Split('-')[0] == shortName)
                .FirstOrDefault();
            if (known is null)
            {
                return [];
            }

            var pack = known.GetMetadataValue("TargetingPackName");
            var version = known.GetMetadataValue("TargetingPackVersion");
            var roots = new[] { project.GetPropertyValue("NetCoreTargetingPackRoot") is { Length: > 0 } packs ? Path.Combine(packs, pack, version) : null }
                .Concat(packageFolders.Select(f => Path.Combine(f, pack.ToLowerInvariant(), version)))
                .OfType<string>();
            foreach (var folder in roots)
            {
                var reference = Path.Combine(folder, "ref");
                if (!Directory.Exists(reference))
                {
                    continue;
                }

                var frameworkFolder = Directory.EnumerateDirectories(reference).FirstOrDefault(d => Path.GetFileName(d) == shortName)
                    ?? Directory.EnumerateDirectories(reference).Order(StringComparer.Ordinal).LastOrDefault();
                if (frameworkFolder is not null)
                {
                    return Directory.EnumerateFiles(frameworkFolder, "*.dll");
                }
            }

            return [];
        }
    }
}
