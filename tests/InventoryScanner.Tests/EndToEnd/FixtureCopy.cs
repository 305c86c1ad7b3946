namespace InventoryScanner.Tests.EndToEnd;

/// <summary>Copies of fixtures as an auditor receives code: sources only, no bin/ or obj/ (so nothing is restored).</summary>
internal static class FixtureCopy
{
    public static void WithoutBuildOutput(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A throw-away repository made of the given files (paths relative to its root, '/' separators).</summary>
    public static string Repository(params (string Path, string Text)[] files)
    {
        var root = Directory.CreateTempSubdirectory("inventory-repository-").FullName;
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return root;
    }

    /// <summary>The smallest SDK project: no packages, so it restores anywhere.</summary>
    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
        </Project>
        """;

    /// <summary>A class with one HTTP call to <c>https://{host}/ping</c>.</summary>
    public static string PartnerClient(string host) => $$"""
        public static class Partner
        {
            public static System.Threading.Tasks.Task<string> PingAsync(System.Net.Http.HttpClient http) => http.GetStringAsync("https://{{host}}/ping");
        }
        """;
}
