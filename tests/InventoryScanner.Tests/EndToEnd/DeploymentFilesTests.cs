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

/// <summary>Secrets the code suppresses are not findings, but an auditor still sees them, with how they were suppressed.</summary>
[Collection(ScannerCollection.Name)]
public sealed class SourceSuppressionTests
{
    [Fact]
    public async Task PragmaAndSuppressMessage_ShouldMoveSecretsToTheAcceptedList_WithTheirReason()
    {
        var root = Directory.CreateTempSubdirectory("inventory-suppressed-").FullName;
        File.WriteAllText(Path.Combine(root, "Vault.csproj"), """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        File.WriteAllText(Path.Combine(root, "Secrets.cs"), """
            public static class Secrets
            {
            #pragma warning disable INV9001 // sandbox only
                public const string SandboxPassword = "Sb7#kL2wQ9xZ";
            #pragma warning restore INV9001

                [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "INV9001", Justification = "the partner's test tenant")]
                public const string TenantApiKey = "Tk4Lq8Wz2Xm6Vr9Bn3Pd";

                public const string LivePassword = "Lv5!nB8vX3kM";
            }
            """);

        var run = await CliRun.ScanAsync(root, "--no-restore", "-v", "quiet");

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        var secret = Assert.Single(inventory.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "secret");
        Assert.Equal("LivePassword", secret.GetProperty("target").GetString());
        Assert.Equal(
            [
                "SandboxPassword: suppressed in the code (#pragma warning disable INV9001)",
                "TenantApiKey: suppressed in the code ([SuppressMessage]: the partner's test tenant)",
            ],
            inventory.GetProperty("accepted").EnumerateArray().Select(a => $"{a.GetProperty("target").GetString()}: {a.GetProperty("reason").GetString()}"));
        Assert.Contains("the partner&#39;s test tenant", run.Read("report.html"));
    }
}
