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
}
