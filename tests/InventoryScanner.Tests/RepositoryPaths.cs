namespace InventoryScanner.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "tests", "sample", "ContosoEstate.sln");

    public static string LegacySample => Path.Combine(Root, "tests", "legacy", "ContosoLegacy.sln");

    public static string BrokenFixture => Path.Combine(Root, "tests", "fixtures", "Broken");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InventoryScanner.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InventoryScanner.sln not found above " + AppContext.BaseDirectory);
    }
}
