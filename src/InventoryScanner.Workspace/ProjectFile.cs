using System.Xml;
using System.Xml.Linq;

namespace InventoryScanner.Workspace;

/// <summary>
/// What the project file itself says, read as plain XML (no MSBuild evaluation): its language, package references
/// and assembly references. Used to recognise test projects and to analyse projects MSBuild could not load.
/// </summary>
internal sealed record ProjectFile(string Path, string Name, string Language, IReadOnlyList<string> PackageReferences, IReadOnlyList<string> HintPaths, string? Error, string? TestMarker = null)
{
    private static readonly string[] TestFrameworks =
        ["xunit", "xunit.core", "xunit.v3", "nunit", "mstest", "mstest.testframework", "microsoft.net.test.sdk", "tunit", "tunit.core"];

    private static readonly string[] TestAssemblies =
        ["xunit.core", "xunit.assert", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "Microsoft.VisualStudio.QualityTools.UnitTestFramework"];

    public static ProjectFile Read(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var language = System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".vbproj" => "VB.NET",
            ".fsproj" => "F#",
            _ => "C#",
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
            var references = document.Descendants().Where(e => e.Name.LocalName == "Reference")
                .Select(e => (string?)e.Attribute("Include"))
                .OfType<string>()
                .Select(include => include.Split(',')[0].Trim());
            var hintPaths = document.Descendants().Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value.Trim()).ToList();
            var packagesConfig = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "packages.config");
            if (File.Exists(packagesConfig))
            {
                using var configReader = XmlReader.Create(packagesConfig, settings);
                packages.AddRange(XDocument.Load(configReader).Descendants("package").Select(e => (string?)e.Attribute("id")).OfType<string>());
            }

            // Test projects that say so without a test package: <Project Sdk="MSTest.Sdk"> (the test platform's own SDK,
            // packages implied) and <IsTestProject>true</IsTestProject>.
            var sdk = (string?)document.Root?.Attribute("Sdk") ?? string.Empty;
            var testMarker = sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase) ? "the MSTest.Sdk project SDK"
                : document.Descendants().Any(e => e.Name.LocalName == "IsTestProject" && string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)) ? "IsTestProject"
                : null;
            return new ProjectFile(path, name, language, packages.Concat(references).ToList(), hintPaths, null, testMarker);
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            return new ProjectFile(path, name, language, [], [], exception.Message);
        }
    }

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
