using InventoryScanner.Workspace;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Tests.Workspace;

public sealed class ReleaseSchedulerTests
{
    [Fact]
    public void Project_ShouldLeaveTheSnapshotOnlyWhenEveryProjectThatNeedsItIsDone()
    {
        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var shared = ProjectId.CreateNewId("Shared");
        var api = ProjectId.CreateNewId("Api");
        var worker = ProjectId.CreateNewId("Worker");
        var tests = ProjectId.CreateNewId("Tests");
        solution = solution
            .AddProject(shared, "Shared", "Shared", LanguageNames.CSharp)
            .AddProject(api, "Api", "Api", LanguageNames.CSharp)
            .AddProject(worker, "Worker", "Worker", LanguageNames.CSharp)
            .AddProject(tests, "Tests", "Tests", LanguageNames.CSharp)
            .AddProjectReference(api, new ProjectReference(shared))
            .AddProjectReference(worker, new ProjectReference(shared))
            .AddProjectReference(tests, new ProjectReference(api));

        // Tests is excluded from the scan: it never holds anything back.
        var scheduler = new ReleaseScheduler(solution, [shared, api, worker]);

        scheduler.Done(shared);
        Assert.True(scheduler.Snapshot().ContainsProject(shared), "Api and Worker still need Shared");

        scheduler.Done(api);
        Assert.False(scheduler.Snapshot().ContainsProject(api));
        Assert.True(scheduler.Snapshot().ContainsProject(shared), "Worker still needs Shared");

        scheduler.Done(worker);
        Assert.False(scheduler.Snapshot().ContainsProject(worker));
        Assert.False(scheduler.Snapshot().ContainsProject(shared));
    }

    [Fact]
    public void ProjectsThatDidNotLoad_ShouldStartAfterTheLoadedOnes_LargestFirst()
    {
        var root = Directory.CreateTempSubdirectory("scheduler-").FullName;
        try
        {
            ProjectFile Project(string name, int sourceBytes)
            {
                var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
                File.WriteAllText(Path.Combine(folder, name + ".csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
                File.WriteAllText(Path.Combine(folder, "Code.cs"), "class C { }" + new string(' ', sourceBytes));
                return ProjectFile.Read(Path.Combine(folder, name + ".csproj"));
            }

            var small = Project("Small", 100);
            var large = Project("Large", 50_000);
            var medium = Project("Medium", 5_000);
            var loaded = Project("Loaded", 0);
            using var workspace = new AdhocWorkspace();
            var loadedId = ProjectId.CreateNewId("Loaded");
            var solution = workspace.CurrentSolution.AddProject(loadedId, "Loaded", "Loaded", LanguageNames.CSharp);
            var scheduler = new ReleaseScheduler(solution, [loadedId]);

            var order = scheduler.Order([small, large, loaded, medium], new Dictionary<string, ProjectId> { [loaded.Path] = loadedId });

            Assert.Equal(["Loaded", "Large", "Medium", "Small"], order.Select(file => Path.GetFileNameWithoutExtension(file.Path)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
