using System.Xml;
using System.Xml.Linq;

namespace InventoryScanner.Workspace;

/// <summary>
/// What the project file itself says, read as plain XML (no MSBuild evaluation): its language, package references
/// and assembly references. Used to recognise test projects and to analyse projects MSBuild could not load.
/// </summary>
internal sealed record ProjectFile(string Path, string Name, string Language, IReadOnlyList<string> PackageReferences, IReadOnlyList<string> HintPaths, string? Error, string? TestMarker = null)
{
    /// <summary>False for the old project format (no <c>Sdk</c>): .NET Framework projects of Visual Studio 2017 and before.</summary>
    public bool IsSdkStyle { get; init; } = true;

    /// <summary>The old format's <c>TargetFrameworkVersion</c> (<c>v4.7.2</c>); null for SDK-style projects.</summary>
    public string? TargetFrameworkVersion { get; init; }

    /// <summary>The old format's explicit file list (<c>Compile Include</c>), as written; SDK-style projects glob instead.</summary>
    public IReadOnlyList<string> CompileItems { get; init; } = [];

    /// <summary>Assembly references without a HintPath: assemblies of the framework (System.Web, System.ServiceModel).</summary>
    public IReadOnlyList<string> FrameworkReferences { get; init; } = [];

    /// <summary>The packages.config beside the project: the old format's package list.</summary>
    public IReadOnlyList<PackageIdentity> PackagesConfig { get; init; } = [];

    /// <summary>An old-format project for the .NET Framework, which this machine may lack the reference assemblies of.</summary>
    public bool IsLegacyFramework => !IsSdkStyle && TargetFrameworkVersion is not null;

    private static readonly string[] TestFrameworks =
        ["xunit", "xunit.core", "xunit.v3", "nunit", "mstest", "mstest.testframework", "microsoft.net.test.sdk", "tunit", "tunit.core"];

    private static readonly string[] TestAssemblies =
        ["xunit.core", "xunit.assert", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "Microsoft.VisualStudio.QualityTools.UnitTestFramework"];

    /// <summary>
    /// Component names, unique within the scan: a folder with two projects of one name (a legacy and a modernised copy
    /// of <c>eShopWCFService.csproj</c>) names each after the folder that tells them apart,
    /// <c>eShopWCFService (eShopLegacyNTier)</c>, since components, graph nodes and the assessment are keyed by name.
    /// </summary>
    public static List<ProjectFile> WithUniqueNames(IReadOnlyList<ProjectFile> files, string root)
    {
        var result = files.ToList();
        foreach (var group in files.Select((file, index) => (file, index)).GroupBy(x => x.file.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var folders = group.Select(x => RelativeFolders(root, x.file.Path)).ToList();
            var common = 0;
            while (folders.All(f => f.Length > common) && folders.All(f => string.Equals(f[common], folders[0][common], StringComparison.OrdinalIgnoreCase)))
            {
                common++;
            }

            var firsts = folders.Select(f => f.Length > common ? f[common] : ".").ToList();
            var distinct = firsts.Distinct(StringComparer.OrdinalIgnoreCase).Count() == firsts.Count;
            foreach (var ((file, index), folder) in group.Zip(folders))
            {
                var rest = folder.Length > common ? string.Join("/", folder.Skip(common)) : ".";
                var where = distinct ? (folder.Length > common ? folder[common] : ".") : rest;
                result[index] = file with { Name = $"{file.Name} ({where})" };
            }
        }

        return result;
    }

    private static string[] RelativeFolders(string root, string path) =>
        (System.IO.Path.GetDirectoryName(System.IO.Path.GetRelativePath(root, path)) ?? string.Empty)
            .Split([System.IO.Path.DirectorySeparatorChar, '/'], StringSplitOptions.RemoveEmptyEntries);

    public static ProjectFile Read(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var language = extension switch
        {
            ".csproj" => "C#",
            ".vbproj" => "VB.NET",
            ".fsproj" => "F#",
            ".vcxproj" => "C++",
            _ => $"'{extension}'",
        };

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(path, settings);
            var document = XDocument.Load(reader);
            var packages = document.Descendants().Where(e => e.Name.LocalName == "PackageReference")
                .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update"))
                .OfType<string>()
                .ToList();
            var referenceElements = document.Descendants().Where(e => e.Name.LocalName == "Reference" && e.Attribute("Include") is not null).ToList();
            var references = referenceElements.Select(e => ((string)e.Attribute("Include")!).Split(',')[0].Trim()).ToList();
            var frameworkReferences = referenceElements
                .Where(e => !e.Elements().Any(child => child.Name.LocalName == "HintPath"))
                .Select(e => ((string)e.Attribute("Include")!).Split(',')[0].Trim())
                .ToList();
            var hintPaths = document.Descendants().Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value.Trim()).ToList();
            var packagesConfig = ReadPackagesConfig(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "packages.config"), settings);
            packages.AddRange(packagesConfig.Select(p => p.Id));

            // Test projects that say so without a test package: <Project Sdk="MSTest.Sdk"> (the test platform's own SDK,
            // packages implied) and <IsTestProject>true</IsTestProject>.
            var sdk = (string?)document.Root?.Attribute("Sdk") ?? string.Empty;
            var testMarker = sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase) ? "the MSTest.Sdk project SDK"
                : document.Descendants().Any(e => e.Name.LocalName == "IsTestProject" && string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)) ? "IsTestProject"
                : null;
            return new ProjectFile(path, name, language, packages.Concat(references).ToList(), hintPaths, null, testMarker)
            {
                IsSdkStyle = document.Root?.Attribute("Sdk") is not null || document.Root?.Elements().Any(e => e.Name.LocalName == "Sdk") == true,
                TargetFrameworkVersion = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "TargetFrameworkVersion")?.Value.Trim() is { Length: > 0 } version ? version : null,
                CompileItems = document.Descendants().Where(e => e.Name.LocalName == "Compile").Select(e => (string?)e.Attribute("Include")).OfType<string>().ToList(),
                FrameworkReferences = frameworkReferences,
                PackagesConfig = packagesConfig,
            };
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            return new ProjectFile(path, name, language, [], [], exception.Message);
        }
    }

    private static List<PackageIdentity> ReadPackagesConfig(string path, XmlReaderSettings settings)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var reader = XmlReader.Create(path, settings);
            return XDocument.Load(reader).Descendants("package")
                .Select(e => ((string?)e.Attribute("id"), (string?)e.Attribute("version")))
                .Where(p => !string.IsNullOrWhiteSpace(p.Item1) && !string.IsNullOrWhiteSpace(p.Item2))
                .Select(p => new PackageIdentity(p.Item1!.Trim(), p.Item2!.Trim()))
                .ToList();
        }
        catch (XmlException)
        {
            // A broken packages.config loses the package list, not the project: its HintPaths still name the DLLs.
            return [];
        }
    }

    /// <summary>Why a project of another language is listed but not analysed.</summary>
    public string NotAnalysedReason => Language switch
    {
        "VB.NET" => "VB.NET projects are not analysed: the detectors are C# analyzers (C# syntax and operations); its integrations are not in the inventory",
        "F#" => "F# projects are not analysed: the F# compiler is not Roslyn, so no Roslyn analyzer can read them; its integrations are not in the inventory",
        "C++" => "C++ projects are not analysed: native code has no Roslyn compilation; its integrations are not in the inventory",
        _ => $"{Language} projects are not analysed: only C# projects are",
    };

    /// <summary>The test framework the project references, by package or assembly name; null for production code.</summary>
    public string? TestFramework(IEnumerable<string> referencedAssemblies)
    {
        // A framework's own packages and its runner variants (xunit.v3.mtp-v2, MSTest.TestFramework, NUnit.Analyzers).
        var package = PackageReferences.FirstOrDefault(p => TestFrameworks.Any(framework =>
            p.Equals(framework, StringComparison.OrdinalIgnoreCase)
            || (p.StartsWith(framework + ".", StringComparison.OrdinalIgnoreCase) && framework is "xunit" or "nunit" or "mstest" or "tunit")));
        if (package is not null)
        {
            return package;
        }

        if (TestMarker is not null)
        {
            return TestMarker;
        }

        return referencedAssemblies.FirstOrDefault(a => TestAssemblies.Contains(a, StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>A package at one version, as packages.config lists it.</summary>
internal sealed record PackageIdentity(string Id, string Version);
