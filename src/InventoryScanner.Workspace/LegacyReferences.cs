using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Workspace;

/// <summary>What an old-format project can be compiled against on this machine, and what it lacks.</summary>
internal sealed record LegacyResolution(IReadOnlyList<string> Paths, IReadOnlyList<string> Messages, string? FrameworkFolder);

/// <summary>
/// The references an old-format .NET Framework project had on the Windows machine that built it and lacks here:
/// <list type="bullet">
/// <item>the framework's reference assemblies, which only a Windows targeting pack installs. The
/// Microsoft.NETFramework.ReferenceAssemblies.net4x packages hold the same assemblies (the .NET SDK itself uses them
/// to build .NET Framework projects on Linux and macOS);</item>
/// <item>the DLLs its <c>HintPath</c>s point to in a <c>packages/</c> folder that is not committed (NuGet package restore
/// made that the norm): packages.config packages are taken from the NuGet global packages folder instead, where the
/// same package keeps the same inner layout (<c>lib/net45/X.dll</c>).</item>
/// </list>
/// With both, a legacy project is analysed semantically although MSBuild cannot build it here.
/// </summary>
internal static partial class LegacyReferences
{
    /// <summary>The version of the reference-assembly packages to download when none is in the NuGet cache.</summary>
    private const string ReferenceAssembliesVersion = "1.0.3";

    private const string ReferenceAssembliesPrefix = "microsoft.netframework.referenceassemblies.";

    /// <summary>The framework whose reference assemblies stand in for an earlier 4.x that cannot be downloaded.</summary>
    private const string FallbackMoniker = "net48";

    /// <summary>The same DLL is one reference object for every project: metadata is read once and shared.</summary>
    private static readonly ConcurrentDictionary<string, MetadataReference> References = new(StringComparer.Ordinal);

    /// <summary>Where NuGet keeps packages: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    public static string PackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public static MetadataReference Reference(string path) => References.GetOrAdd(path, MappedReference.Create);

    /// <summary><c>v4.7.2</c> → <c>net472</c>; null for a version that is not .NET Framework's.</summary>
    public static string? Moniker(string targetFrameworkVersion)
    {
        var match = FrameworkVersion().Match(targetFrameworkVersion);
        return match.Success ? "net" + match.Groups["digits"].Value.Replace(".", string.Empty, StringComparison.Ordinal) : null;
    }

    public static LegacyResolution Resolve(ProjectFile project, string packagesFolder)
    {
        var paths = new List<string>();
        var messages = new List<string>();
        var frameworkFolder = FrameworkFolder(project.TargetFrameworkVersion!, packagesFolder, messages);
        if (frameworkFolder is not null)
        {
            // mscorlib, System and System.Core are referenced by every .NET Framework build, listed or not.
            var names = new[] { "mscorlib", "System", "System.Core" }.Concat(project.FrameworkReferences).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                var path = Path.Combine(frameworkFolder, name + ".dll");
                if (File.Exists(path))
                {
                    paths.Add(path);
                }
            }

            // The facades (System.Runtime, netstandard): what packages built for .NET Standard compile against.
            var facades = Path.Combine(frameworkFolder, "Facades");
            if (Directory.Exists(facades))
            {
                paths.AddRange(Directory.EnumerateFiles(facades, "*.dll").Order(StringComparer.Ordinal));
            }
        }

        var directory = Path.GetDirectoryName(project.Path)!;
        var missing = new List<string>();
        var substituted = new List<string>();
        foreach (var hint in project.HintPaths)
        {
            var local = Path.GetFullPath(Path.Combine(directory, hint.Replace('\\', Path.DirectorySeparatorChar)));
            if (File.Exists(local))
            {
                paths.Add(local);
            }
            else if (InPackagesFolder(hint, project.PackagesConfig, packagesFolder) is { } cached)
            {
                paths.Add(cached);
            }
            else if (OtherVersion(hint, project.PackagesConfig, packagesFolder) is { } other)
            {
                // Another version's API is nearer the truth than none: the types resolve, and the report says so.
                paths.Add(other.Path);
                substituted.Add($"{other.Package.Id} {other.Package.Version} (used {other.Version})");
            }
            else
            {
                missing.Add(Path.GetFileName(hint.Replace('\\', '/')));
            }
        }

        if (substituted.Count > 0)
        {
            messages.Add($"package versions not on this machine, another version of the same package used: {string.Join(", ", substituted.Distinct(StringComparer.OrdinalIgnoreCase))}");
        }

        if (missing.Count > 0)
        {
            messages.Add($"referenced DLLs found neither at their HintPath nor in the NuGet cache: {string.Join(", ", missing.Distinct(StringComparer.OrdinalIgnoreCase))}");
        }

        return new LegacyResolution(paths.Distinct(StringComparer.Ordinal).ToList(), messages, frameworkFolder);
    }

    /// <summary>
    /// Downloads into the NuGet cache what the projects' <see cref="Resolve"/> would miss: the reference assemblies of
    /// their frameworks and the packages of HintPaths that are not on disk. It restores a project of its own in a
    /// temporary folder (<c>PackageDownload</c> items only), so nothing of the scanned repository is evaluated; the
    /// repository's NuGet.config is honoured for its private feeds. Returns what could not be done.
    /// </summary>
    /// <param name="sources">The package sources' probe (<see cref="PackageSources.ChooseAsync"/>), asked only when there is something to download: its <c>--source</c> arguments leave out the repository's unreachable feeds, and none answering means nothing is downloaded.</param>
    public static async Task<List<string>> FetchAsync(IReadOnlyList<ProjectFile> projects, string root, string packagesFolder, Func<Task<SourceChoice>> sources, IScanProgress progress, CancellationToken cancellationToken)
    {
        var downloads = PlanDownloads(projects, packagesFolder);
        if (downloads.Count == 0 || (await sources().ConfigureAwait(false)).Arguments is not { } sourceArguments)
        {
            return [];
        }

        progress.Info($"downloading {downloads.Count} package(s) for old-format .NET Framework projects: {string.Join(", ", downloads.Select(d => $"{d.Id} {d.Version}"))}");
        var folder = Directory.CreateTempSubdirectory("inventory-legacy-").FullName;
        try
        {
            var path = Path.Combine(folder, "download.csproj");
            await File.WriteAllTextAsync(path, DownloadProject(downloads), cancellationToken).ConfigureAwait(false);
            string[] arguments = [.. NuGetConfig(root) is { } config ? new[] { "--configfile", config } : [], .. sourceArguments];
            var output = await Restorer.RunAsync(path, arguments, cancellationToken).ConfigureAwait(false);

            // A version the sources lack: its nearest version stands in (Resolve says which version was used).
            var nearest = NearestVersions(output).Where(n => !downloads.Contains(n)).ToList();
            if (nearest.Count > 0)
            {
                await File.WriteAllTextAsync(path, DownloadProject(nearest), cancellationToken).ConfigureAwait(false);
                await Restorer.RunAsync(path, arguments, cancellationToken).ConfigureAwait(false);
            }

            var substituted = nearest.Select(n => n.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return output
                .Where(line => line.Contains(": error NU", StringComparison.Ordinal) && !line.Contains(" - Found ", StringComparison.Ordinal))
                .Where(line => !substituted.Any(id => line.Contains($"Unable to find package {id} with version", StringComparison.OrdinalIgnoreCase)))
                .Select(line => "download for old-format projects failed: " + line[(line.IndexOf(": error ", StringComparison.Ordinal) + 2)..].Replace(" [" + path + "]", string.Empty, StringComparison.Ordinal).Trim())
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is not worth failing a scan for.
            }
        }
    }

    /// <summary>A project of the scanner's own that only downloads packages into the NuGet cache.</summary>
    private static string DownloadProject(IEnumerable<(string Id, string Version)> packages)
    {
        var project = new StringBuilder();
        project.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        project.AppendLine("  <PropertyGroup>");
        project.AppendLine("    <TargetFramework>net$(BundledNETCoreAppTargetFrameworkVersion)</TargetFramework>");
        project.AppendLine("    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps><ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets><ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>");
        project.AppendLine("  </PropertyGroup>");
        project.AppendLine("  <ItemGroup>");
        foreach (var (id, version) in packages)
        {
            project.AppendLine(CultureInfo.InvariantCulture, $"    <PackageDownload Include=\"{SecurityElement.Escape(id)}\" Version=\"[{SecurityElement.Escape(version)}]\" />");
        }

        project.AppendLine("  </ItemGroup>");
        project.AppendLine("</Project>");
        return project.ToString();
    }

    /// <summary>The packages <see cref="Resolve"/> would miss: reference assemblies (and their stand-in) and HintPath packages.</summary>
    internal static SortedSet<(string Id, string Version)> PlanDownloads(IReadOnlyList<ProjectFile> projects, string packagesFolder)
    {
        var downloads = new SortedSet<(string Id, string Version)>();
        foreach (var project in projects)
        {
            if (Moniker(project.TargetFrameworkVersion!) is { } moniker && FrameworkFolder(project.TargetFrameworkVersion!, packagesFolder, messages: null, exactOnly: true) is null)
            {
                downloads.Add(("Microsoft.NETFramework.ReferenceAssemblies." + moniker, ReferenceAssembliesVersion));

                // Should a source lack that version's package (net47 is missing from some mirrors), .NET Framework 4.8
                // holds every API of the 4.x versions before it, and stands in.
                if (moniker.StartsWith("net4", StringComparison.Ordinal) && string.CompareOrdinal(moniker.PadRight(6, '0'), FallbackMoniker.PadRight(6, '0')) < 0)
                {
                    downloads.Add(("Microsoft.NETFramework.ReferenceAssemblies." + FallbackMoniker, ReferenceAssembliesVersion));
                }
            }

            var directory = Path.GetDirectoryName(project.Path)!;
            foreach (var hint in project.HintPaths)
            {
                if (!File.Exists(Path.Combine(directory, hint.Replace('\\', Path.DirectorySeparatorChar)))
                    && InPackagesFolder(hint, project.PackagesConfig, packagesFolder) is null
                    && PackageOf(hint, project.PackagesConfig) is { } package)
                {
                    downloads.Add((package.Id, package.Version));
                }
            }
        }

        return downloads;
    }

    /// <summary>
    /// The reference-assembly folder for the framework (<c>…/build/.NETFramework/v4.7.2</c>): that version's package,
    /// or else the nearest later one in the cache (a later framework holds every type of an earlier one).
    /// </summary>
    private static string? FrameworkFolder(string targetFrameworkVersion, string packagesFolder, List<string>? messages, bool exactOnly = false)
    {
        var moniker = Moniker(targetFrameworkVersion);
        if (moniker is null)
        {
            messages?.Add($"TargetFrameworkVersion '{targetFrameworkVersion}' is not a .NET Framework version; framework types do not resolve");
            return null;
        }

        var candidates = Directory.Exists(packagesFolder)
            ? Directory.EnumerateDirectories(packagesFolder, ReferenceAssembliesPrefix + "net*")
                .Select(d => (Moniker: Path.GetFileName(d)[ReferenceAssembliesPrefix.Length..], Folder: LatestFrameworkFolder(d)))
                .Where(c => c.Folder is not null)
                .ToList()
            : [];
        var exact = candidates.FirstOrDefault(c => string.Equals(c.Moniker, moniker, StringComparison.OrdinalIgnoreCase));
        if (exact.Folder is not null || exactOnly)
        {
            return exact.Folder;
        }

        var later = candidates
            .Where(c => string.Compare(Normalise(c.Moniker), Normalise(moniker), StringComparison.Ordinal) > 0)
            .OrderBy(c => Normalise(c.Moniker), StringComparer.Ordinal)
            .FirstOrDefault();
        if (later.Folder is not null)
        {
            messages?.Add($"the reference assemblies of .NET Framework {targetFrameworkVersion} are not on this machine; those of {later.Moniker} were used");
            return later.Folder;
        }

        messages?.Add($"the reference assemblies of .NET Framework {targetFrameworkVersion} are not on this machine (package Microsoft.NETFramework.ReferenceAssemblies.{moniker}; run without --no-restore to download it): framework types do not resolve");
        return null;

        // net48 > net472 > net47 > net4 as text once every moniker has the same number of digits.
        static string Normalise(string m) => m.PadRight(6, '0');
    }

    private static string? LatestFrameworkFolder(string packageFolder)
    {
        foreach (var version in Directory.EnumerateDirectories(packageFolder).Order(StringComparer.Ordinal).Reverse())
        {
            var framework = Path.Combine(version, "build", ".NETFramework");
            if (Directory.Exists(framework) && Directory.EnumerateDirectories(framework, "v*").FirstOrDefault() is { } folder && File.Exists(Path.Combine(folder, "mscorlib.dll")))
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>..\packages\RabbitMQ.Client.6.4.0\lib\net461\RabbitMQ.Client.dll</c> → <c>~/.nuget/packages/rabbitmq.client/6.4.0/lib/net461/RabbitMQ.Client.dll</c>
    /// when that file exists.
    /// </summary>
    private static string? InPackagesFolder(string hint, IReadOnlyList<PackageIdentity> packagesConfig, string packagesFolder)
    {
        var segments = hint.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (Identity(segments[i], packagesConfig) is not { } package)
            {
                continue;
            }

            var path = Path.Combine([packagesFolder, package.Id.ToLowerInvariant(), package.Version.ToLowerInvariant(), .. segments[(i + 1)..]]);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>
    /// The same DLL in another version of the package in the cache (the nearest above, else the nearest below), when the
    /// version packages.config names is not there: old versions are often missing from a mirror or a private feed.
    /// </summary>
    private static (string Path, PackageIdentity Package, string Version)? OtherVersion(string hint, IReadOnlyList<PackageIdentity> packagesConfig, string packagesFolder)
    {
        var segments = hint.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var package = Identity(segments[i], packagesConfig);
            var folder = package is null ? null : Path.Combine(packagesFolder, package.Id.ToLowerInvariant());
            if (package is null || !Directory.Exists(folder))
            {
                continue;
            }

            var wanted = VersionOf(package.Version);
            var candidates = Directory.EnumerateDirectories(folder!)
                .Select(d => (Version: Path.GetFileName(d), Path: Path.Combine([d, .. segments[(i + 1)..]])))
                .Where(c => File.Exists(c.Path))
                .ToList();
            var above = candidates.Where(c => VersionOf(c.Version) >= wanted).OrderBy(c => VersionOf(c.Version));
            var below = candidates.Where(c => VersionOf(c.Version) < wanted).OrderByDescending(c => VersionOf(c.Version));
            foreach (var (version, path) in above.Concat(below))
            {
                return (path, package, version);
            }
        }

        return null;
    }

    /// <summary>The numeric part of a package version (<c>4.9.1-beta2</c> → 4.9.1); 0.0 when there is none.</summary>
    private static Version VersionOf(string version) =>
        Version.TryParse(version.Split('-', '+')[0], out var parsed) ? parsed : new Version(0, 0);

    /// <summary>NuGet's "Nearest version: 5.2.4" for a package whose exact version a source lacks.</summary>
    public static IEnumerable<(string Id, string Version)> NearestVersions(IEnumerable<string> restoreOutput)
    {
        string? pending = null;
        foreach (var line in restoreOutput)
        {
            var missing = ExactVersionMissing().Match(line);
            if (missing.Success)
            {
                pending = missing.Groups["id"].Value;
                continue;
            }

            var nearest = NearestVersion().Match(line);
            if (nearest.Success && pending is not null)
            {
                yield return (pending, nearest.Groups["version"].Value);
                pending = null;
            }
        }
    }

    private static PackageIdentity? PackageOf(string hint, IReadOnlyList<PackageIdentity> packagesConfig) =>
        hint.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Identity(s, packagesConfig)).FirstOrDefault(p => p is not null);

    /// <summary>A <c>packages/</c> folder name, <c>Id.Version</c>: the packages.config entry it is, or else its own split.</summary>
    private static PackageIdentity? Identity(string segment, IReadOnlyList<PackageIdentity> packagesConfig)
    {
        var listed = packagesConfig.FirstOrDefault(p => string.Equals(segment, $"{p.Id}.{p.Version}", StringComparison.OrdinalIgnoreCase));
        if (listed is not null)
        {
            return listed;
        }

        var match = PackageFolder().Match(segment);
        return match.Success ? new PackageIdentity(match.Groups["id"].Value, match.Groups["version"].Value) : null;
    }

    private static string? NuGetConfig(string root)
    {
        for (var directory = new DirectoryInfo(root); directory is not null; directory = directory.Parent)
        {
            var config = directory.Exists
                ? directory.EnumerateFiles("*.config").FirstOrDefault(f => string.Equals(f.Name, "nuget.config", StringComparison.OrdinalIgnoreCase))
                : null;
            if (config is not null)
            {
                return config.FullName;
            }
        }

        return null;
    }

    [GeneratedRegex(@"Unable to find package (?<id>\S+) with version \(= [^)]+\)", RegexOptions.CultureInvariant)]
    private static partial Regex ExactVersionMissing();

    [GeneratedRegex(@"Nearest version: (?<version>[0-9][^\s\]]*)", RegexOptions.CultureInvariant)]
    private static partial Regex NearestVersion();

    [GeneratedRegex(@"^v?(?<digits>[1-4](?:\.\d)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameworkVersion();

    [GeneratedRegex(@"^(?<id>[A-Za-z_][\w.-]*?)\.(?<version>\d+\.\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageFolder();
}
