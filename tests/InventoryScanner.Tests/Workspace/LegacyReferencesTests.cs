using InventoryScanner.Workspace;

namespace InventoryScanner.Tests.Workspace;

/// <summary>What an old-format .NET Framework project is compiled against when the machine lacks its targeting pack and packages/ folder.</summary>
public sealed class LegacyReferencesTests
{
    private const string Project = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup><TargetFrameworkVersion>v4.7.2</TargetFrameworkVersion></PropertyGroup>
          <ItemGroup>
            <Reference Include="System.Web" />
            <Reference Include="Newtonsoft.Json, Version=12.0.0.0, Culture=neutral">
              <HintPath>..\packages\Newtonsoft.Json.12.0.3\lib\net45\Newtonsoft.Json.dll</HintPath>
            </Reference>
            <Reference Include="Contoso.Internal">
              <HintPath>..\packages\Contoso.Internal.2.1.0\lib\net45\Contoso.Internal.dll</HintPath>
            </Reference>
          </ItemGroup>
          <ItemGroup>
            <Compile Include="Default.aspx.cs" />
            <Compile Include="..\Shared\Linked.cs" />
          </ItemGroup>
        </Project>
        """;

    private const string PackagesConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <packages>
          <package id="Newtonsoft.Json" version="12.0.3" targetFramework="net472" />
          <package id="Contoso.Internal" version="2.1.0" targetFramework="net472" />
        </packages>
        """;

    [Theory]
    [InlineData("v4.7.2", "net472")]
    [InlineData("v4.8", "net48")]
    [InlineData("v4.0", "net40")]
    [InlineData("v3.5", "net35")]
    [InlineData("v10.0", null)]
    [InlineData("$(Framework)", null)]
    public void Moniker_ShouldMapTheOldFormatVersion(string version, string? expected)
    {
        Assert.Equal(expected, LegacyReferences.Moniker(version));
    }

    [Fact]
    public void OldFormatProject_ShouldBeReadWithItsFileListFrameworkReferencesAndPackagesConfig()
    {
        var project = ProjectFile.Read(WriteProject(Directory.CreateTempSubdirectory("legacy-").FullName));

        Assert.True(project.IsLegacyFramework);
        Assert.Equal("v4.7.2", project.TargetFrameworkVersion);
        Assert.Equal(["Default.aspx.cs", "..\\Shared\\Linked.cs"], project.CompileItems);
        Assert.Equal(["System.Web"], project.FrameworkReferences);
        Assert.Equal([new PackageIdentity("Newtonsoft.Json", "12.0.3"), new PackageIdentity("Contoso.Internal", "2.1.0")], project.PackagesConfig);
    }

    [Fact]
    public void Resolve_ShouldTakeHintPathsFromTheNuGetCache_AndALaterFrameworkWhenTheExactOneIsMissing()
    {
        var root = Directory.CreateTempSubdirectory("legacy-").FullName;
        var cache = Path.Combine(root, "cache");
        var net48 = Touch(cache, "microsoft.netframework.referenceassemblies.net48/1.0.3/build/.NETFramework/v4.8/mscorlib.dll");
        Touch(cache, "microsoft.netframework.referenceassemblies.net48/1.0.3/build/.NETFramework/v4.8/System.dll");
        Touch(cache, "microsoft.netframework.referenceassemblies.net48/1.0.3/build/.NETFramework/v4.8/System.Web.dll");
        Touch(cache, "microsoft.netframework.referenceassemblies.net48/1.0.3/build/.NETFramework/v4.8/Facades/netstandard.dll");
        Touch(cache, "microsoft.netframework.referenceassemblies.net40/1.0.3/build/.NETFramework/v4.0/mscorlib.dll");
        var json = Touch(cache, "newtonsoft.json/12.0.3/lib/net45/Newtonsoft.Json.dll");
        var project = ProjectFile.Read(WriteProject(Path.Combine(root, "src", "Web")));

        var resolution = LegacyReferences.Resolve(project, cache);

        Assert.Equal(Path.GetDirectoryName(net48), resolution.FrameworkFolder);
        Assert.Equal(["mscorlib.dll", "System.dll", "System.Web.dll", "netstandard.dll", "Newtonsoft.Json.dll"], resolution.Paths.Select(Path.GetFileName));
        Assert.Contains(json, resolution.Paths);
        Assert.Equal(
            [
                "the reference assemblies of .NET Framework v4.7.2 are not on this machine; those of net48 were used",
                "referenced DLLs found neither at their HintPath nor in the NuGet cache: Contoso.Internal.dll",
            ],
            resolution.Messages);
    }

    [Fact]
    public void Resolve_WithAnEmptyCache_ShouldSayWhichPackageIsMissing()
    {
        var root = Directory.CreateTempSubdirectory("legacy-").FullName;
        var project = ProjectFile.Read(WriteProject(Path.Combine(root, "src", "Web")));

        var resolution = LegacyReferences.Resolve(project, Path.Combine(root, "no-cache"));

        Assert.Null(resolution.FrameworkFolder);
        Assert.Empty(resolution.Paths);
        Assert.Contains(resolution.Messages, m => m.Contains("package Microsoft.NETFramework.ReferenceAssemblies.net472", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ShouldPreferACommittedPackagesFolder()
    {
        var root = Directory.CreateTempSubdirectory("legacy-").FullName;
        var committed = Touch(root, "src/packages/Newtonsoft.Json.12.0.3/lib/net45/Newtonsoft.Json.dll");
        Touch(root, "cache/newtonsoft.json/12.0.3/lib/net45/Newtonsoft.Json.dll");
        var project = ProjectFile.Read(WriteProject(Path.Combine(root, "src", "Web")));

        var resolution = LegacyReferences.Resolve(project, Path.Combine(root, "cache"));

        Assert.Contains(committed, resolution.Paths);
    }

    [Fact]
    public void Resolve_ShouldUseTheNearestOtherVersion_WhenTheListedOneIsNotInTheCache()
    {
        var root = Directory.CreateTempSubdirectory("legacy-").FullName;
        Touch(root, "cache/newtonsoft.json/9.0.1/lib/net45/Newtonsoft.Json.dll");
        var nearest = Touch(root, "cache/newtonsoft.json/12.0.4/lib/net45/Newtonsoft.Json.dll");
        Touch(root, "cache/newtonsoft.json/13.0.3/lib/net45/Newtonsoft.Json.dll");
        var project = ProjectFile.Read(WriteProject(Path.Combine(root, "src", "Web")));

        var resolution = LegacyReferences.Resolve(project, Path.Combine(root, "cache"));

        Assert.Contains(nearest, resolution.Paths);
        Assert.Contains("package versions not on this machine, another version of the same package used: Newtonsoft.Json 12.0.3 (used 12.0.4)", resolution.Messages);
    }

    [Fact]
    public void NearestVersions_ShouldBeReadFromNuGetsErrors()
    {
        string[] output =
        [
            "/tmp/x/download.csproj : error NU1102: Unable to find package Newtonsoft.Json with version (= 6.0.4)",
            "/tmp/x/download.csproj : error NU1102:   - Found 10 version(s) in nuget.org [ Nearest version: 9.0.1 ]",
            "/tmp/x/download.csproj : error NU1101: Unable to find package EntityFramework. No packages exist with this id in source(s): nuget.org",
        ];

        Assert.Equal([("Newtonsoft.Json", "9.0.1")], LegacyReferences.NearestVersions(output));
    }

    [Fact]
    public void PlanDownloads_ShouldAskForTheFrameworkWithNet48AsItsStandIn_AndForPackagesNotOnDisk()
    {
        var root = Directory.CreateTempSubdirectory("legacy-").FullName;
        var project = ProjectFile.Read(WriteProject(Path.Combine(root, "src", "Web")));

        Assert.Equal(
            [
                ("Contoso.Internal", "2.1.0"),
                ("Microsoft.NETFramework.ReferenceAssemblies.net472", "1.0.3"),
                ("Microsoft.NETFramework.ReferenceAssemblies.net48", "1.0.3"),
                ("Newtonsoft.Json", "12.0.3"),
            ],
            LegacyReferences.PlanDownloads([project], Path.Combine(root, "empty-cache")));
        Touch(root, "cache/microsoft.netframework.referenceassemblies.net472/1.0.3/build/.NETFramework/v4.7.2/mscorlib.dll");
        Touch(root, "cache/newtonsoft.json/12.0.3/lib/net45/Newtonsoft.Json.dll");
        Assert.Equal([("Contoso.Internal", "2.1.0")], LegacyReferences.PlanDownloads([project], Path.Combine(root, "cache")));
    }

    private static string WriteProject(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "packages.config"), PackagesConfig);
        var path = Path.Combine(directory, "Web.csproj");
        File.WriteAllText(path, Project);
        return path;
    }

    private static string Touch(string root, string relative)
    {
        var path = Path.GetFullPath(Path.Combine(root, relative));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        return path;
    }
}
