using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace InventoryScanner.Workspace;

/// <summary>
/// solution → projects → analyzers → findings. Loads every project with MSBuildWorkspace, falls back to its source
/// files when MSBuild cannot load it, and analyses projects concurrently (bounded), dropping each compilation as soon
/// as no project still to be analysed depends on it.
/// </summary>
public static class Scanner
{
    public static async Task<ScanResult> ScanAsync(ScanOptions options, CancellationToken cancellationToken)
    {
        // Before anything reads a solution or project: MSBuild types must come from the SDK the Locator finds, the one
        // the scanned repository's global.json asks for when it is installed, else the newest.
        var full = Path.GetFullPath(options.Path);
        if (!MSBuildRegistration.TryRegister(Directory.Exists(full) ? full : Path.GetDirectoryName(full)!, out var error))
        {
            throw new ScanInputException(error!);
        }

        var input = ScanInput.Resolve(options.Path);
        var messages = new List<string>(input.Messages);
        if (options.Settings.Problem is { } settingsProblem)
        {
            messages.Add(settingsProblem);
            options.Progress.Warning(settingsProblem);
        }

        // Projects the settings leave out are listed with the pattern that did, as test projects are.
        var leftOut = input.ProjectPaths
            .Select(p => (Path: p, Pattern: options.Settings.ExcludedBy(input.Root, p)))
            .Where(p => p.Pattern is not null)
            .Select(p => new ExcludedProject(Path.GetFileNameWithoutExtension(p.Path), FindingFactory.RelativePath(input.Root, p.Path), $"left out by {ScanSettings.FileName} ({p.Pattern})"))
            .ToList();
        if (leftOut.Count > 0)
        {
            var kept = input.ProjectPaths.Where(p => options.Settings.ExcludedBy(input.Root, p) is null).ToList();
            input = input with { ProjectPaths = kept };
            options = options with { SettingsExcluded = leftOut };
        }

        if (input.ProjectPaths.Count == 0)
        {
            return await ScanRepositoryFilesOnlyAsync(input.Root, options, messages, cancellationToken).ConfigureAwait(false);
        }

        var (overlay, sdk) = StepAroundGlobalJson(input, options, messages);
        try
        {
            // Probed once, when a restore or the download of old-format projects' references first needs it: a scan that
            // restores nothing (--no-build-eval without legacy projects, an unchanged rescan) asks no feed.
            Task<SourceChoice>? probe = null;
            Task<SourceChoice> Sources() => probe ??= ProbeSourcesAsync(input.Root, options, messages, cancellationToken);

            // Evaluations are kept with the scan cache; not through an SDK overlay, whose paths are the scan's own.
            var evaluations = options.CacheDirectory is { } cacheFolder && overlay is null && options.EvaluateProjects && !options.DesignTimeLoad
                ? EvaluationCache.Open(cacheFolder, $"{MSBuildRegistration.SdkVersion} {options.Framework}")
                : null;
            var restoreErrors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var restoreTime = Stopwatch.StartNew();
            if (options.Restore && evaluations?.RestoreToSkip(input.ProjectPaths) is { } kept)
            {
                // Nothing restore reads has changed since it last ran: it would not change a file, and its messages are kept.
                restoreErrors = kept;
                messages.Add("restore was not run: no project, import or restore output changed since the last scan (--cache)");
            }
            else if (options.Restore)
            {
                options.Progress.Phase($"restoring {input.ProjectPaths.Count} project(s)");
                restoreErrors = await Restorer.RestoreAsync(input, overlay, await Sources().ConfigureAwait(false), options.Progress, cancellationToken).ConfigureAwait(false);
                evaluations?.Forget();
                evaluations?.KeepRestore(input.ProjectPaths, restoreErrors);
            }

            if (restoreErrors.TryGetValue(string.Empty, out var general))
            {
                messages.AddRange(general);
            }

            restoreTime.Stop();
            var result = await ScanProjectsAsync(input, options, overlay, Sources, restoreErrors, evaluations, messages, cancellationToken).ConfigureAwait(false);
            return result with { Timings = result.Timings with { Restore = restoreTime.Elapsed }, Sdk = sdk, AssessmentSettings = options.Settings.Assessment, Hosts = options.Settings.Hosts };
        }
        finally
        {
            overlay?.Dispose();
        }
    }

    /// <summary>
    /// A project's findings as its progress line counts them: calls of members named like wrappers (INV2015) are the
    /// wrapper join's input, findings only once a wrapper is found behind them (<see cref="WrapperCallJoin"/>), and
    /// counting them made a project with hundreds of such calls read like a loss in the inventory.
    /// </summary>
    private static int Reported(IEnumerable<Finding> findings) => findings.Count(f => f.Kind != FindingKinds.WrapperCall);

    private static async Task<SourceChoice> ProbeSourcesAsync(string root, ScanOptions options, List<string> messages, CancellationToken cancellationToken)
    {
        var choice = await PackageSources.ChooseAsync(root, cancellationToken).ConfigureAwait(false);
        foreach (var message in choice.Messages)
        {
            messages.Add(message);
            options.Progress.Warning(message);
        }

        return choice;
    }

    /// <summary>
    /// A global.json that pins an SDK no installed SDK satisfies, or that is not valid JSON, would stop restore and the
    /// project load. The scan goes on with the best installed SDK through an <see cref="SdkOverlay"/> and says so once,
    /// in the inventory and as a warning; where no overlay can be made, projects are analysed from their sources.
    /// </summary>
    private static (SdkOverlay? Overlay, SdkReport Sdk) StepAroundGlobalJson(ScanInput input, ScanOptions options, List<string> messages)
    {
        IReadOnlyList<GlobalJsonProblem> problems = options.EvaluateProjects ? GlobalJson.Check(input.Root, input.ProjectPaths) : [];
        var report = new SdkReport(
            MSBuildRegistration.SdkVersion ?? "unknown",
            [.. problems.Select(p => new SdkSubstitution(FindingFactory.RelativePath(input.Root, p.Path), p.Requested, p.Used, p.Reason))]);
        if (problems.Count == 0)
        {
            return (null, report);
        }

        foreach (var substitution in report.Substitutions)
        {
            var message = $"{substitution.GlobalJson} {substitution.Reason}: the scan restores and loads the projects with SDK {substitution.Used} instead, " +
                "so restore and the design-time build may differ from a build with the pinned SDK (package resolution, language version, analyzer and implicit-using defaults)";
            messages.Add(message);
            options.Progress.Warning(message);
        }

        try
        {
            return (SdkOverlay.Create(input.Root, problems), report);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var message = $"the pinned SDK could not be stepped around ({FirstLine(exception.Message)}): projects MSBuild cannot load with it are analysed from their source files";
            messages.Add(message);
            options.Progress.Warning(message);
            return (null, report);
        }
    }

    private static async Task<ScanResult> ScanProjectsAsync(
        ScanInput input,
        ScanOptions options,
        SdkOverlay? overlay,
        Func<Task<SourceChoice>> sources,
        Dictionary<string, List<string>> restoreErrors,
        EvaluationCache? evaluations,
        List<string> messages,
        CancellationToken cancellationToken)
    {
        var files = ProjectFile.WithUniqueNames([.. input.ProjectPaths.Select(ProjectFile.Read)], input.Root);
        var configuration = ConfigurationDocuments.Discover(input.Root, files.Where(f => f.Language == "C#").Select(f => f.Path), (file, owned) => options.Settings.ExcludedBy(input.Root, file, byInclude: !owned) is null);
        var lent = configuration.Lent.ToHashSet(StringComparer.Ordinal);
        var (salt, saltSource) = RepositorySalt.For(input.Root);
        options.Progress.Info($"secret hashes salted with {saltSource}");
        IReadOnlyDictionary<string, string> globals = salt is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [OptionKeys.SecretSalt] = salt };
        var legacy = await ResolveLegacyAsync(files, input.Root, options, sources, messages, cancellationToken).ConfigureAwait(false);
        var loadTime = Stopwatch.StartNew();
        LoadedSolution loaded;
        if (options.EvaluateProjects)
        {
            options.Progress.Phase($"loading {files.Count(f => f.Language == "C#")} project(s)");
            loaded = await LoadAsync(input.SolutionPath, files, configuration, overlay, evaluations, options, messages, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // --no-build-eval: nothing of the repository's MSBuild runs; every project goes to the source-only analysis.
            // No workspace either: its services take longer to compose than a small project takes to analyse.
            messages.Add("MSBuild files of the scanned code were not evaluated (--no-build-eval): projects are analysed from their source files against the .NET framework only");
            loaded = new LoadedSolution(null, [], [], []);
        }

        loaded = loaded with { Solution = loaded.Solution is { } solution ? AddLegacyReferences(solution, loaded.Projects, legacy) : null };

        // MSBuild drops the framework references it could not resolve here ("/mscorlib.dll"); those were put back.
        const string Removed = "MSBuild: Unresolved metadata reference removed from project: ";
        var restored = legacy.Values.SelectMany(r => r.Paths).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        messages.RemoveAll(m => m.StartsWith(Removed, StringComparison.Ordinal) && restored.Contains(Path.GetFileName(m[Removed.Length..].Trim())));
        loadTime.Stop();
        options.Progress.Info($"loaded {loaded.Projects.Count} of {files.Count} project(s) in {loadTime.Elapsed.TotalSeconds:0.0} s");
        var analyzeTime = Stopwatch.StartNew();

        var components = new ConcurrentBag<Component>();
        var findings = new ConcurrentBag<Finding>();
        long analyzerTicks = 0;
        var byAnalyzer = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var excluded = new List<ExcludedProject>(options.SettingsExcluded);
        var toAnalyze = new List<ProjectFile>();
        var testProjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = FindingFactory.RelativePath(input.Root, file.Path);
            if (file.Language != "C#")
            {
                components.Add(new Component { Name = file.Name, Project = relative, Analysis = AnalysisLevel.Failed, Messages = [file.NotAnalysedReason] });
                continue;
            }

            var testFramework = file.TestFramework(ReferencedAssemblies(loaded, file));
            if (testFramework is null)
            {
                toAnalyze.Add(file);
            }
            else if (options.IncludeTests)
            {
                testProjects.Add(file.Path);
                toAnalyze.Add(file);
            }
            else
            {
                excluded.Add(new ExcludedProject(file.Name, relative, $"test project (references {testFramework}); use --include-tests to scan it"));
            }
        }

        // Projects whose inputs are unchanged since the last scan are read back from the cache, not analysed.
        var cache = options.CacheDirectory is { } cacheFolder ? ScanCache.Open(cacheFolder, messages) : null;
        var keys = cache is null ? null : loaded.Solution is null ? [] : ScanCache.Keys(
            loaded.Solution,
            project => CacheInputs(project.FilePath, input.Root, globals, lent, testProjects, restoreErrors, loaded),
            cancellationToken);

        // From here on only the scheduler holds the solution. Snapshots share compilation trackers, so any other
        // reference to the loaded solution would keep every compilation alive until the scan ends.
        options.Progress.Phase($"analysing {toAnalyze.Count} project(s)");
        options.Progress.ProjectsPlanned(toAnalyze.Count);
        var scheduler = new ReleaseScheduler(loaded.Solution, toAnalyze.Where(f => loaded.Projects.ContainsKey(f.Path)).Select(f => loaded.Projects[f.Path]));
        loaded = loaded with { Solution = null };
        await Parallel.ForEachAsync(
            scheduler.Order(toAnalyze, loaded.Projects),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken },
            async (file, token) =>
            {
                options.Progress.ProjectStarted(file.Name);
                var stopwatch = Stopwatch.StartNew();
                var relative = FindingFactory.RelativePath(input.Root, file.Path);
                var projectMessages = new List<string>();
                if (restoreErrors.TryGetValue(file.Path, out var restore))
                {
                    projectMessages.AddRange(restore);
                }

                if (loaded.Diagnostics.TryGetValue(file.Path, out var diagnostics))
                {
                    projectMessages.AddRange(diagnostics);
                }

                legacy.TryGetValue(file.Path, out var legacyReferences);
                if (legacyReferences is not null)
                {
                    projectMessages.AddRange(legacyReferences.Messages);
                }

                if (loaded.Projects.ContainsKey(file.Path))
                {
                    // The load ignores an import that points at nothing: the project loaded, without what that file sets.
                    projectMessages.AddRange(MissingImports.Of(file.Path, input.Root));
                }

                string? key = null;
                if (cache is not null && loaded.Projects.TryGetValue(file.Path, out var cachedId) && keys!.TryGetValue(cachedId, out key)
                    && cache.Read(file.Path, key) is { } cached)
                {
                    scheduler.Done(cachedId);
                    Interlocked.Increment(ref cache.Hits);
                    foreach (var finding in cached.Findings)
                    {
                        findings.Add(finding);
                    }

                    components.Add(cached.Component);
                    options.Progress.ProjectFinished(file.Name, cached.Component.Analysis + ", from the cache", Reported(cached.Findings), stopwatch.Elapsed);
                    return;
                }

                ProjectAnalysis result;
                try
                {
                    if (loaded.Projects.TryGetValue(file.Path, out var projectId))
                    {
                        try
                        {
                            result = await AnalyzeLoadedAsync(scheduler.Snapshot(), projectId, file, input.Root, globals, lent, projectMessages, options, token).ConfigureAwait(false);
                        }
                        finally
                        {
                            scheduler.Done(projectId);
                        }
                    }
                    else
                    {
                        result = await AnalyzeFromSourcesAsync(file, legacyReferences, [.. configuration.Of(file.Path), .. configuration.Lent], input.Root, globals, lent, projectMessages, options, token).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One project's failure (a compiler or analyzer crash on odd code) never ends the scan of the others.
                    projectMessages.Add($"analysis failed: {exception.GetType().Name}: {FirstLine(exception.Message)}");
                    options.Progress.Warning($"{file.Name}: analysis failed: {FirstLine(exception.Message)}");
                    result = new ProjectAnalysis(AnalysisLevel.Failed, [], 0, 0);
                }

                Interlocked.Add(ref analyzerTicks, result.AnalyzerTime.Ticks);
                foreach (var (analyzer, time) in result.AnalyzerTimes ?? new Dictionary<string, TimeSpan>())
                {
                    byAnalyzer.AddOrUpdate(analyzer, time.Ticks, (_, ticks) => ticks + time.Ticks);
                }

                // After the analysis level is set: a configuration file that cannot be read is said, but no reference is missing.
                projectMessages.AddRange(ConfigurationDocuments.Problems(configuration.Of(file.Path), input.Root));
                var isTest = testProjects.Contains(file.Path);
                foreach (var finding in result.Findings)
                {
                    if (isTest && (finding.Kind == FindingKinds.Secret || IntegrationKinds.DataStores.Contains(finding.Kind)))
                    {
                        // A credential in a test project is a test double, and its database a test's: reported, but apart
                        // from production risk (an integration test on the service's database shares nothing).
                        finding.Details = new SortedDictionary<string, string>(finding.Details?.ToDictionary() ?? [], StringComparer.Ordinal) { [TestScope.Key] = TestScope.Test };
                    }

                    if (CommittedBuildOutput.IsConfigurationCopy(finding.Path))
                    {
                        // A committed copy under bin/ or obj/: it ships, so it is reported, and said to be build output.
                        finding.Details = new SortedDictionary<string, string>(finding.Details?.ToDictionary() ?? [], StringComparer.Ordinal) { [CommittedBuildOutput.Key] = "true" };
                    }

                    findings.Add(finding);
                }

                var component = new Component
                {
                    Name = file.Name,
                    Project = relative,
                    Analysis = result.Level,
                    IsTest = isTest,
                    Messages = projectMessages.Distinct().ToList(),
                    LoadDiagnostics = loaded.LoadDiagnostics.TryGetValue(file.Path, out var loadDiagnostics) ? loadDiagnostics.Distinct().ToList() : [],
                    FilesAnalyzed = result.FilesAnalyzed,
                    FilesTotal = result.FilesTotal,
                    LaunchUrls = LaunchSettings.ApplicationUrls(file.Path),
                };
                components.Add(component);
                if (cache is not null && key is not null && result.Level != AnalysisLevel.Failed)
                {
                    Interlocked.Increment(ref cache.Misses);
                    cache.Write(file.Path, key, component, result.Findings, messages);
                }
                options.Progress.ProjectFinished(file.Name, result.Level, Reported(result.Findings), stopwatch.Elapsed);
            }).ConfigureAwait(false);

        var unowned = configuration.Unowned;
        if (unowned.Count > 0)
        {
            // docker-compose files, Kubernetes manifests, Helm charts and .env files outside every project: the
            // repository's own component, read by the same analyzers over a compilation without code.
            var repository = await AnalyzeRepositoryFilesAsync(unowned, input.Root, globals, cancellationToken).ConfigureAwait(false);
            components.Add(repository.Component);
            foreach (var finding in repository.Findings)
            {
                findings.Add(finding);
            }
        }

        analyzeTime.Stop();
        options.Progress.Info($"analysed {toAnalyze.Count} project(s) in {analyzeTime.Elapsed.TotalSeconds:0.0} s");
        if (cache is not null)
        {
            messages.Add($"{cache.Hits} of {cache.Hits + cache.Misses} project(s) were unchanged since the last scan and read from the scan cache");
        }
        return new ScanResult(
            input.Root,
            components.OrderBy(c => c.Project, StringComparer.Ordinal).ToList(),
            excluded.OrderBy(e => e.Project, StringComparer.Ordinal).ToList(),
            [.. findings],
            messages)
        {
            Timings = new ScanTimings(TimeSpan.Zero, loadTime.Elapsed, analyzeTime.Elapsed) { Analyzers = TimeSpan.FromTicks(analyzerTicks), ByAnalyzer = byAnalyzer.ToDictionary(a => a.Key, a => TimeSpan.FromTicks(a.Value), StringComparer.Ordinal) },
        };
    }

    /// <summary>
    /// A repository without projects: a deployment repository of Kubernetes manifests, compose files and Helm values is
    /// still read (the services it deploys, the secrets in it); with none of those there is nothing to scan.
    /// </summary>
    private static async Task<ScanResult> ScanRepositoryFilesOnlyAsync(string root, ScanOptions options, List<string> messages, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(root)
            ? ConfigurationDocuments.Discover(root, [], (file, owned) => options.Settings.ExcludedBy(root, file, byInclude: !owned) is null).Unowned
            : [];
        if (files.Count == 0)
        {
            messages.Add("no project files were found");
            return new ScanResult(root, [], options.SettingsExcluded, [], messages);
        }

        messages.Add($"no project files were found; read the repository's {files.Count} configuration and deployment file(s)");
        var (salt, _) = RepositorySalt.For(root);
        IReadOnlyDictionary<string, string> globals = salt is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [OptionKeys.SecretSalt] = salt };
        var repository = await AnalyzeRepositoryFilesAsync(files, root, globals, cancellationToken).ConfigureAwait(false);
        return new ScanResult(root, [repository.Component], options.SettingsExcluded, repository.Findings, messages);
    }

    /// <summary>What a project's cached analysis depends on beside its files: the scan's options and what the load said of it.</summary>
    private static string CacheInputs(string? projectPath, string root, IReadOnlyDictionary<string, string> globals, IReadOnlySet<string> lent, HashSet<string> testProjects, Dictionary<string, List<string>> restoreErrors, LoadedSolution loaded)
    {
        if (projectPath is null)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        foreach (var (key, value) in globals.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        text.AppendJoin('\n', lent.Order(StringComparer.Ordinal)).Append('\n');
        text.Append("root=").Append(root).Append("\ntest=").Append(testProjects.Contains(projectPath)).Append('\n');
        foreach (var messages in new[] { restoreErrors, loaded.Diagnostics, loaded.LoadDiagnostics })
        {
            text.AppendJoin('\n', messages.TryGetValue(projectPath, out var list) ? list : []).Append("\n--\n");
        }

        text.AppendJoin('\n', MissingImports.Of(projectPath, root));
        return text.ToString();
    }

    /// <summary>What each old-format .NET Framework project is compiled against here (downloaded first when allowed).</summary>
    private static async Task<Dictionary<string, LegacyResolution>> ResolveLegacyAsync(List<ProjectFile> files, string root, ScanOptions options, Func<Task<SourceChoice>> sources, List<string> messages, CancellationToken cancellationToken)
    {
        var legacy = files.Where(f => f.Language == "C#" && f.IsLegacyFramework).ToList();
        if (legacy.Count == 0)
        {
            return [];
        }

        var packagesFolder = LegacyReferences.PackagesFolder;
        if (options.DownloadReferences)
        {
            messages.AddRange(await LegacyReferences.FetchAsync(legacy, root, packagesFolder, sources, options.Progress, cancellationToken).ConfigureAwait(false));
        }

        return legacy.ToDictionary(f => f.Path, f => LegacyReferences.Resolve(f, packagesFolder), StringComparer.Ordinal);
    }

    /// <summary>
    /// MSBuild loads an old-format project here without the framework (no targeting pack on this machine) and without
    /// HintPath DLLs that are not on disk: those references are added from <see cref="LegacyReferences"/>.
    /// </summary>
    private static Solution AddLegacyReferences(Solution solution, Dictionary<string, ProjectId> projects, Dictionary<string, LegacyResolution> legacy)
    {
        foreach (var (path, resolution) in legacy)
        {
            if (!projects.TryGetValue(path, out var id))
            {
                continue;
            }

            var present = solution.GetProject(id)!.MetadataReferences.OfType<PortableExecutableReference>()
                .Select(r => Path.GetFileName(r.FilePath ?? string.Empty))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = resolution.Paths.Where(p => !present.Contains(Path.GetFileName(p))).Select(LegacyReferences.Reference).ToList();
            if (missing.Count > 0)
            {
                solution = solution.AddMetadataReferences(id, missing);
            }
        }

        return solution;
    }

    private static IEnumerable<string> ReferencedAssemblies(LoadedSolution loaded, ProjectFile file) =>
        loaded.Projects.TryGetValue(file.Path, out var id)
            ? loaded.Solution!.GetProject(id)!.MetadataReferences.OfType<PortableExecutableReference>().Select(r => Path.GetFileNameWithoutExtension(r.FilePath ?? string.Empty))
            : [];

    private sealed record ProjectAnalysis(string Level, List<Finding> Findings, int FilesAnalyzed, int FilesTotal, TimeSpan AnalyzerTime = default, IReadOnlyDictionary<string, TimeSpan>? AnalyzerTimes = null);

    /// <param name="Solution">The loaded projects; null when none was loaded (--no-build-eval).</param>
    private sealed record LoadedSolution(
        Solution? Solution,
        Dictionary<string, ProjectId> Projects,
        Dictionary<string, List<string>> Diagnostics,
        Dictionary<string, List<string>> LoadDiagnostics);

    private static async Task<LoadedSolution> LoadAsync(string? solutionPath, List<ProjectFile> files, ConfigurationDocuments configuration, SdkOverlay? overlay, EvaluationCache? evaluations, ScanOptions options, List<string> messages, CancellationToken cancellationToken)
    {
        // MSBuild is given the overlay's paths, where there is one; everything it returns is mapped back below.
        string Given(string path) => overlay?.ToOverlay(path) ?? path;
        string Returned(string text) => overlay?.ToRepository(text) ?? text;
        var progress = options.Progress;
        var diagnostics = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var loadDiagnostics = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var projects = new Dictionary<string, ProjectId>(StringComparer.Ordinal);
        var csharp = files.Where(f => f.Language == "C#").ToList();
        Solution solution;
        var evaluated = options.DesignTimeLoad || csharp.Count == 0
            ? null
            : EvaluationLoader.Load([.. csharp.Select(f => f.Path)], Given, Returned, progress, cancellationToken, evaluations, options.Framework);
        if (evaluations is { Hits: > 0 })
        {
            messages.Add($"{evaluations.Hits} of {evaluations.Hits + evaluations.Misses} project evaluation(s) were unchanged since the last scan and read from the scan cache");
        }

        if (evaluated is null || evaluated.Projects.Count == 0)
        {
            solution = await DesignTimeLoadAsync(solutionPath, csharp, overlay, progress, messages, diagnostics, loadDiagnostics, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Restored SDK-style projects are evaluated, their references read from restore's output; only the rest (not
            // restored, .NET Framework, a referenced project outside the scan) go through the design-time build.
            var loadedPaths = evaluated.Projects.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
            var outside = evaluated.Projects.SelectMany(p => p.ProjectReferences).Where(r => !loadedPaths.Contains(r) && File.Exists(r)).Distinct(StringComparer.Ordinal);
            var rest = csharp.Where(f => evaluated.Rest.ContainsKey(f.Path)).Concat(outside.Where(r => !evaluated.Rest.ContainsKey(r)).Select(ProjectFile.Read)).ToList();
            var designTime = rest.Count == 0 ? null : await DesignTimeLoadAsync(null, rest, overlay, progress, messages, diagnostics, loadDiagnostics, cancellationToken).ConfigureAwait(false);
            solution = await MergeAsync(evaluated.Projects, designTime, options.Framework, cancellationToken).ConfigureAwait(false);
            messages.Add(rest.Count == 0
                ? $"loaded {evaluated.Projects.Count} project(s) by evaluation and their restore output (project.assets.json), without a design-time build"
                : $"loaded {evaluated.Projects.Count} project(s) by evaluation and their restore output (project.assets.json), and {rest.Count} with a design-time build");
        }

        solution = WithoutNullableAnalysis(configuration.AddTo(solution));

        foreach (var file in files)
        {
            // Multi-targeting projects load once per framework; one of them stands for the project.
            var project = FrameworkChoice.Choose(solution.Projects.Where(p => string.Equals(p.FilePath, file.Path, StringComparison.Ordinal) && p.Language == LanguageNames.CSharp), options.Framework);
            if (project is not null && (project.DocumentIds.Count > 0 || !HasSourceFiles(file.Path)))
            {
                projects[file.Path] = project.Id;
                if (overlay?.ProblemOf(file.Path) is { } pinned)
                {
                    Add(loadDiagnostics, file.Path, $"restored and loaded with .NET SDK {pinned.Used}, not the {pinned.Requested ?? "SDK"} its global.json asks for: restore and the design-time build may differ from the repository's own build");
                }
            }
        }

        return new LoadedSolution(solution, projects, diagnostics, loadDiagnostics);
    }

    /// <summary>
    /// The compiler's nullable analysis finds no integration: turned off for the scan, the same inventory is found with
    /// less binding (npgsql, whose projects enable it, about 10% faster).
    /// </summary>
    private static Solution WithoutNullableAnalysis(Solution solution)
    {
        foreach (var project in solution.Projects)
        {
            if (project.CompilationOptions is Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions { NullableContextOptions: not NullableContextOptions.Disable } options)
            {
                solution = solution.WithProjectCompilationOptions(project.Id, options.WithNullableContextOptions(NullableContextOptions.Disable));
            }
        }

        return solution;
    }

    /// <summary>
    /// MSBuildWorkspace's design-time build of the solution (or of the given projects one by one), with the projects'
    /// own analyzers and generators stripped: the load an IDE makes, and the reference the evaluation load must equal.
    /// </summary>
    private static async Task<Solution> DesignTimeLoadAsync(string? solutionPath, List<ProjectFile> files, SdkOverlay? overlay, IScanProgress progress, List<string> messages, Dictionary<string, List<string>> diagnostics, Dictionary<string, List<string>> loadDiagnostics, CancellationToken cancellationToken)
    {
        string Given(string path) => overlay?.ToOverlay(path) ?? path;
        string Returned(string text) => overlay?.ToRepository(text) ?? text;
        var failures = new ConcurrentQueue<WorkspaceDiagnostic>();
        using var workspace = MSBuildWorkspace.Create(new Dictionary<string, string>
        {
            // Design-time evaluation only: nothing of the scanned code is compiled or run by the load.
            ["RunAnalyzers"] = "false",
            ["SkipCompilerExecution"] = "true",

            // A scan is not a build: a repository's warnings-as-errors (NU1603, source link) must not fail its evaluation.
            ["TreatWarningsAsErrors"] = "false",
            ["MSBuildTreatWarningsAsErrors"] = "false",
        });
        using var subscription = workspace.RegisterWorkspaceFailedHandler(e => failures.Enqueue(e.Diagnostic));

        if (solutionPath is not null)
        {
            // One call loads the whole solution: MSBuild evaluates shared imports once instead of once per project.
            progress.Info($"loading {Path.GetFileName(solutionPath)}");
            try
            {
                await workspace.OpenSolutionAsync(Given(solutionPath), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                messages.Add($"MSBuild could not load {Path.GetFileName(solutionPath)} as a whole ({Returned(FirstLine(exception.Message))}); loading its projects one by one");
            }
        }

        // Projects of a folder scan, and any the solution load left out, are opened one by one.
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, Given(file.Path), StringComparison.Ordinal)))
            {
                continue; // already loaded as a reference of an earlier project
            }

            progress.Info($"loading {file.Name}");
            try
            {
                await workspace.OpenProjectAsync(Given(file.Path), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Add(diagnostics, file.Path, "MSBuild could not load the project: " + Returned(FirstLine(exception.Message)));
            }
        }

        foreach (var failure in failures)
        {
            // MSBuildWorkspace reports every design-time message as a failure, warnings included. Only those that say a
            // reference is missing make the analysis less complete; the rest (a substituted package version, a source
            // link remote) are kept apart as load diagnostics.
            var failureMessage = Returned(failure.Message);
            var owner = files.FirstOrDefault(f => failureMessage.Contains(f.Path, StringComparison.Ordinal));
            var text = FirstLine(failureMessage);

            // "Msbuild failed when processing the file '<path>' with message: <text>": the path is the component's own.
            var marker = text.IndexOf(" with message: ", StringComparison.Ordinal);
            var message = "MSBuild: " + (marker < 0 ? text : text[(marker + 15)..]);
            if (owner is null)
            {
                messages.Add(message);
            }
            else
            {
                Add(NamesMissingReference(failureMessage) ? diagnostics : loadDiagnostics, owner.Path, message);
            }
        }

        // Never run the scanned repository's analyzers or source generators in this process: strip them once here.
        var solution = overlay?.ToRepository(workspace.CurrentSolution) ?? workspace.CurrentSolution;
        foreach (var project in solution.Projects)
        {
            solution = solution.WithProjectAnalyzerReferences(project.Id, []);
        }

        return solution;
    }

    /// <summary>
    /// One solution of the evaluated projects and the design-time build's, joined by project file: a project of either
    /// may reference one of the other. A multi-targeted project of the design-time build stands as one framework (<see cref="FrameworkChoice"/>).
    /// </summary>
    private static async Task<Solution> MergeAsync(List<EvaluationLoader.EvaluatedProject> evaluated, Solution? designTime, string? framework, CancellationToken cancellationToken)
    {
        var ids = evaluated.ToDictionary(p => p.Path, p => p.Info.Id, StringComparer.Ordinal);
        var chosen = (designTime?.Projects ?? [])
            .Where(p => p.FilePath is not null && p.Language == LanguageNames.CSharp && !ids.ContainsKey(p.FilePath))
            .GroupBy(p => p.FilePath!, StringComparer.Ordinal)
            .Select(g => FrameworkChoice.Choose(g, framework)!)
            .ToList();
        foreach (var project in chosen)
        {
            ids[project.FilePath!] = ProjectId.CreateNewId(project.Name);
        }

        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        foreach (var project in evaluated)
        {
            solution = solution.AddProject(project.Info.WithProjectReferences(project.ProjectReferences.Where(ids.ContainsKey).Select(r => new ProjectReference(ids[r]))));
        }

        foreach (var project in chosen)
        {
            var id = ids[project.FilePath!];
            async Task<DocumentInfo> Copy(TextDocument document) => DocumentInfo.Create(
                DocumentId.CreateNewId(id),
                document.Name,
                document.Folders,
                loader: document.FilePath is { } path && File.Exists(path)
                    ? new FileTextLoader(path, defaultEncoding: null)
                    : TextLoader.From(TextAndVersion.Create(await document.GetTextAsync(cancellationToken).ConfigureAwait(false), VersionStamp.Default, document.FilePath)),
                filePath: document.FilePath);
            var references = project.ProjectReferences
                .Select(r => designTime!.GetProject(r.ProjectId)?.FilePath)
                .OfType<string>()
                .Where(ids.ContainsKey)
                .Select(path => new ProjectReference(ids[path]))
                .Distinct();
            var info = ProjectInfo.Create(
                    id,
                    VersionStamp.Default,
                    project.Name,
                    project.AssemblyName,
                    project.Language,
                    filePath: project.FilePath,
                    compilationOptions: project.CompilationOptions,
                    parseOptions: project.ParseOptions,
                    documents: await Task.WhenAll(project.Documents.Select(Copy)).ConfigureAwait(false),
                    projectReferences: references,
                    metadataReferences: project.MetadataReferences,
                    additionalDocuments: await Task.WhenAll(project.AdditionalDocuments.Select(Copy)).ConfigureAwait(false))
                .WithAnalyzerConfigDocuments(await Task.WhenAll(project.AnalyzerConfigDocuments.Select(Copy)).ConfigureAwait(false));
            solution = solution.AddProject(info);
        }

        return solution;
    }

    private static async Task<ProjectAnalysis> AnalyzeLoadedAsync(Solution solution, ProjectId id, ProjectFile file, string root, IReadOnlyDictionary<string, string> globals, IReadOnlySet<string> lent, List<string> messages, ScanOptions options, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(id)!;
        var unrestored = MissingRestore(file, messages);
        var partial = unrestored || messages.Count > 0;
        var stopwatch = Stopwatch.StartNew();
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var compileTime = stopwatch.Elapsed;
        if (compilation is null)
        {
            messages.Add("the project has no compilation");
            return new ProjectAnalysis(AnalysisLevel.Failed, [], 0, 0);
        }

        var analysis = await CompilationAnalyzer.AnalyzeAsync(compilation, ScanWideOptions.ForProject(project.AnalyzerOptions, globals, lent, Path.GetDirectoryName(file.Path)!), AnalyzerCatalog.Default, options.MaxParallelism, cancellationToken, options.MeasureAnalyzers).ConfigureAwait(false);
        options.Progress.Info($"{file.Name}: compilation {compileTime.TotalSeconds:0.00} s, analysis of {analysis.FilesAnalyzed}/{analysis.FilesTotal} files {(stopwatch.Elapsed - compileTime).TotalSeconds:0.00} s");
        messages.AddRange(analysis.Messages);
        var findings = ToFindings(analysis, file.Name, root);
        var unresolvedImports = ReferenceCheck.UnresolvedImports(compilation, limit: 5, cancellationToken);
        if (unresolvedImports.Count > 0)
        {
            messages.Add("using directives that do not resolve: " + string.Join(", ", unresolvedImports));
            partial = true;
        }

        var byName = findings.Count(f => f.Confidence == Confidence.Low);
        if (byName > 0)
        {
            messages.Add($"{byName} finding(s) recognised by name only: their types did not resolve");
            partial = true;
        }

        return new ProjectAnalysis(partial ? AnalysisLevel.Partial : AnalysisLevel.Semantic, findings, analysis.FilesAnalyzed, analysis.FilesTotal, analysis.AnalyzerTime, analysis.AnalyzerTimes);
    }

    private static async Task<ProjectAnalysis> AnalyzeFromSourcesAsync(ProjectFile file, LegacyResolution? legacy, IReadOnlyList<string> configurationFiles, string root, IReadOnlyDictionary<string, string> globals, IReadOnlySet<string> lent, List<string> messages, ScanOptions scan, CancellationToken cancellationToken)
    {
        if (file.Error is not null)
        {
            messages.Add("the project file is not valid XML: " + FirstLine(file.Error));
        }

        var compilation = SourceFallback.Create(file, legacy, cancellationToken, out var fileCount);
        if (compilation is null)
        {
            messages.Add("no C# source files were found beside the project file");
            return new ProjectAnalysis(AnalysisLevel.Failed, [], 0, 0);
        }

        messages.Add(legacy?.FrameworkFolder is not null
            ? $"analysed from its {fileCount} listed source file(s) against the .NET Framework reference assemblies and its packages.config DLLs: project references are missing"
            : $"analysed from its {fileCount} source file(s) against the .NET framework only: package and project references are missing");
        var options = ScanWideOptions.ForProject(new AnalyzerOptions(ConfigurationDocuments.AsAdditionalTexts(configurationFiles)), globals, lent, Path.GetDirectoryName(file.Path)!);
        // Its files are bound in parallel, as a loaded project's are: one large project is most of a --no-build-eval scan.
        var analysis = await CompilationAnalyzer.AnalyzeAsync(compilation, options, AnalyzerCatalog.Default, scan.MaxParallelism, cancellationToken, scan.MeasureAnalyzers).ConfigureAwait(false);
        messages.AddRange(analysis.Messages);
        // With the framework's reference assemblies, an old-format project's own types and the framework's resolve.
        var level = legacy?.FrameworkFolder is not null ? AnalysisLevel.Partial : AnalysisLevel.Syntax;
        return new ProjectAnalysis(level, ToFindings(analysis, file.Name, root), analysis.FilesAnalyzed, analysis.FilesTotal, analysis.AnalyzerTime, analysis.AnalyzerTimes);
    }

    /// <summary>The name of the component that stands for configuration and deployment files outside every project.</summary>
    public const string RepositoryComponent = "(repository files)";

    private static async Task<(Component Component, List<Finding> Findings)> AnalyzeRepositoryFilesAsync(IReadOnlyList<string> files, string root, IReadOnlyDictionary<string, string> globals, CancellationToken cancellationToken)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("repository");
        var options = ScanWideOptions.With(new AnalyzerOptions(ConfigurationDocuments.AsAdditionalTexts(files)), globals);
        var analysis = await CompilationAnalyzer.AnalyzeAsync(compilation, options, AnalyzerCatalog.Default, maxParallelism: 1, cancellationToken).ConfigureAwait(false);
        var messages = ConfigurationDocuments.Problems(files, root).Concat(analysis.Messages).ToList();
        var component = new Component
        {
            Name = RepositoryComponent,
            Project = ".",
            Analysis = AnalysisLevel.Files,
            Messages = messages,
            FilesAnalyzed = files.Count,
            FilesTotal = files.Count,
        };
        return (component, ToFindings(analysis, RepositoryComponent, root));
    }

    /// <summary>The findings of an analysis, and the secrets the code suppresses (they end among the accepted ones).</summary>
    private static List<Finding> ToFindings(CompilationAnalysis analysis, string component, string root) =>
        analysis.Diagnostics
            .Select(d => FindingFactory.Create(d, component, root))
            .Concat(analysis.Suppressed
                .Where(s => s.Diagnostic.Properties.GetValueOrDefault(FindingProperties.Kind) == FindingKinds.Secret)
                .Select(s => FindingFactory.Create(s.Diagnostic, component, root) is { } finding ? Suppressed(finding, s.Reason) : null))
            .OfType<Finding>()
            .ToList();

    private static Finding Suppressed(Finding finding, string reason)
    {
        finding.SuppressedBy = reason;
        return finding;
    }

    /// <summary>
    /// True when an SDK-style project's packages are not usable: no assets file, or one that records restore errors
    /// (those are added to <paramref name="messages"/>).
    /// </summary>
    private static bool MissingRestore(ProjectFile file, List<string> messages)
    {
        var assets = Path.Combine(Path.GetDirectoryName(file.Path)!, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            if (file.PackageReferences.Count > 0 && file.HintPaths.Count == 0)
            {
                messages.Add("packages are not restored (no obj/project.assets.json)");
                return true;
            }

            return false;
        }

        try
        {
            using var stream = File.OpenRead(assets);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("logs", out var logs) || logs.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var errors = logs.EnumerateArray()
                .Where(log => log.TryGetProperty("level", out var level) && level.GetString() == "Error")
                .Select(log => $"restore {log.GetProperty("code").GetString()}: {log.GetProperty("message").GetString()}")
                .ToList();
            messages.AddRange(errors);
            return errors.Count > 0;
        }
        catch (Exception exception) when (exception is JsonException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            messages.Add("obj/project.assets.json could not be read: " + FirstLine(exception.Message));
            return true;
        }
    }

    private static readonly string[] MissingReferenceMarkers =
    [
        "NU1101", "NU1102", "Unable to find package", "MSB3245", "Could not resolve this reference", "MSB4019", "MSB4236",
        "project reference", "ProjectReference", "was not found", "does not exist", "assets file", "MSB4236", "specified could not be found",
    ];

    private static bool NamesMissingReference(string message) =>
        MissingReferenceMarkers.Any(marker => message.Contains(marker, StringComparison.OrdinalIgnoreCase))
        && !message.Contains("resolved instead", StringComparison.Ordinal);

    private static bool HasSourceFiles(string projectPath) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(projectPath)!, "*.cs", SearchOption.TopDirectoryOnly).Any();

    private static void Add(Dictionary<string, List<string>> map, string key, string message)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(message);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
