using System.Text.Json;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>Secrets in deployment files: those beside a project belong to it, the rest to the repository's own component.</summary>
[Collection(ScannerCollection.Name)]
public sealed class DeploymentFilesTests
{
    [Fact]
    public async Task DeploymentFiles_ShouldBeScannedWhereverTheyAre_AndOwnedByTheirProjectOrTheRepository()
    {
        var root = Directory.CreateTempSubdirectory("inventory-deploy-").FullName;
        var project = Path.Combine(root, "src", "Api");
        Directory.CreateDirectory(Path.Combine(project, "Properties"));
        File.WriteAllText(Path.Combine(project, "Api.csproj"), """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        File.WriteAllText(Path.Combine(project, "Program.cs"), "class Program { static void Main() { } }");
        File.WriteAllText(Path.Combine(project, "Properties", "launchSettings.json"), """
            { "profiles": { "Api": { "environmentVariables": { "PAYMENT_API_KEY": "x7Lq2Vm9Rk4Tz8Wp" } } } }
            """);
        File.WriteAllText(Path.Combine(root, "docker-compose.yml"), """
            services:
              db:
                environment:
                  POSTGRES_PASSWORD: pG7x!Qm29vLt
            """);
        File.WriteAllText(Path.Combine(root, ".env"), "RABBITMQ_DEFAULT_PASS=rB9-kq2Vx7Lm\n");
        Directory.CreateDirectory(Path.Combine(root, "node_modules", "dep"));
        File.WriteAllText(Path.Combine(root, "node_modules", "dep", "config.yml"), "password: nM3-vendored-9Kq\n");

        var run = await CliRun.ScanAsync(root, "--no-restore", "-v", "quiet");

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        var repository = inventory.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "(repository files)");
        Assert.Equal("files", repository.GetProperty("analysis").GetString());
        var secrets = inventory.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "secret")
            .Select(f => $"{f.GetProperty("component").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("line").GetInt32()} {f.GetProperty("details").GetProperty("environment").GetString()}");
        Assert.Equal(
            [
                "(repository files) .env:1 default",
                "(repository files) docker-compose.yml:4 default",
                "Api src/Api/Properties/launchSettings.json:1 Development",
            ],
            secrets);
        foreach (var (name, text) in run.AllOutputs())
        {
            Assert.False(text.Contains("pG7x!Qm29vLt", StringComparison.Ordinal) || text.Contains("rB9-kq2Vx7Lm", StringComparison.Ordinal), $"{name} holds a raw secret");
        }
    }
}
