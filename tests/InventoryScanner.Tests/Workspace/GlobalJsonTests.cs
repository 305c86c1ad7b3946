using InventoryScanner.Workspace;

namespace InventoryScanner.Tests.Workspace;

public sealed class GlobalJsonTests
{
    private static readonly Version[] Installed = [new(10, 0, 401), new(8, 0, 404)];

    [Theory]
    [InlineData("8.0.401", null, true)] // patch: 8.0.404 is a later patch of the 4xx band
    [InlineData("8.0.419", null, false)] // patch: no 8.0.4xx at or above 19
    [InlineData("8.0.419", "latestPatch", false)]
    [InlineData("8.0.300", "latestFeature", true)] // 8.0.404 is a later band of 8.0
    [InlineData("8.0.419", "latestFeature", false)]
    [InlineData("8.0.419", "latestMajor", true)] // 10.0.401
    [InlineData("9.0.100", "minor", false)]
    [InlineData("10.0.401", "disable", true)]
    [InlineData("10.0.400", "disable", false)]
    [InlineData("10.0.100", "latestFeature", true)]
    [InlineData("not-a-version", null, true)] // the host ignores what it cannot read
    [InlineData(null, "latestMajor", true)]
    public void Satisfied_ShouldFollowTheHostsRollForwardRules(string? version, string? rollForward, bool expected) =>
        Assert.Equal(expected, GlobalJson.Satisfied(version, rollForward, Installed));

    [Theory]
    [InlineData("8.0.419", "8.0.404")]
    [InlineData("9.0.100", "10.0.401")]
    [InlineData(null, "10.0.401")]
    public void Best_ShouldPreferTheNewestOfTheSameMajor(string? requested, string expected) =>
        Assert.Equal(expected, GlobalJson.Best(requested, Installed));

    [Fact]
    public void Overlay_ShouldReplaceOnlyTheGlobalJson_AndDisposeWithoutTouchingTheRepository()
    {
        var repository = Directory.CreateTempSubdirectory("inventory-overlay-").FullName;
        Directory.CreateDirectory(Path.Combine(repository, "src", "App"));
        File.WriteAllText(Path.Combine(repository, "global.json"), """{ "sdk": { "version": "8.0.419" }, "msbuild-sdks": { "Contoso.Sdk": "1.0.0" } }""");
        File.WriteAllText(Path.Combine(repository, "src", "App", "App.csproj"), "<Project />");
        var problems = GlobalJson.Check(repository, [Path.Combine(repository, "src", "App", "App.csproj")]);
        var problem = Assert.Single(problems);

        string overlayRoot;
        using (var overlay = SdkOverlay.Create(repository, problems))
        {
            overlayRoot = overlay.OverlayRoot;
            var project = overlay.ToOverlay(Path.Combine(repository, "src", "App", "App.csproj"));
            Assert.StartsWith(overlayRoot, project, StringComparison.Ordinal);
            Assert.Equal("<Project />", File.ReadAllText(project));
            var replaced = File.ReadAllText(Path.Combine(overlayRoot, "global.json"));
            Assert.Contains("Contoso.Sdk", replaced, StringComparison.Ordinal);
            Assert.Contains($"\"version\": \"{problem.Used}\"", replaced, StringComparison.Ordinal);
            Assert.DoesNotContain("8.0.419", replaced, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(repository, "src", "App", "App.csproj"), overlay.ToRepository(project));
        }

        Assert.False(Directory.Exists(overlayRoot));
        Assert.Equal("<Project />", File.ReadAllText(Path.Combine(repository, "src", "App", "App.csproj")));
        Assert.Contains("8.0.419", File.ReadAllText(Path.Combine(repository, "global.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void PackageSources_ShouldApplyClearAndDisabledSources_NearestFileLast()
    {
        var repository = Directory.CreateTempSubdirectory("inventory-sources-").FullName;
        var nested = Path.Combine(repository, "src");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(repository, "nuget.config"), """
            <configuration>
              <packageSources><clear /><add key="company" value="https://pkgs.contoso.invalid/v3/index.json" /><add key="local" value="packages-local" /></packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(nested, "NuGet.Config"), """
            <configuration>
              <packageSources><add key="team" value="https://team.contoso.invalid/v3/index.json" /></packageSources>
              <disabledPackageSources><add key="company" value="true" /></disabledPackageSources>
            </configuration>
            """);

        var sources = PackageSources.For(nested);

        Assert.Equal(
            [new PackageSource("local", Path.Combine(repository, "packages-local")), new PackageSource("team", "https://team.contoso.invalid/v3/index.json")],
            sources);
    }
}
