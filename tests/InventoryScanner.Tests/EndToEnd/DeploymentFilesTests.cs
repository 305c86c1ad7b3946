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

    [Fact]
    public async Task ComposeServiceName_ShouldReachTheProjectItIsBuiltFrom()
    {
        var repository = FixtureCopy.Repository(
            ("src/Orders.Api/Orders.Api.csproj", FixtureCopy.Project),
            ("src/Orders.Api/Invoices.cs", """
                class Invoices
                {
                    async System.Threading.Tasks.Task Send(System.Net.Http.HttpClient http) => await http.PostAsync("http://ledger/api/invoices", null);
                    async System.Threading.Tasks.Task Rates(System.Net.Http.HttpClient http) => await http.GetAsync("http://rates.api/api/rates");
                    async System.Threading.Tasks.Task Route(System.Net.Http.HttpClient http) => await http.GetAsync("http://edge/api/route");
                }
                """),
            ("src/Billing.Worker/Billing.Worker.csproj", FixtureCopy.Project),
            ("src/Billing.Worker/Worker.cs", "class Worker { }"),
            ("src/Gateways/Edge-Base/OcelotGateway.csproj", FixtureCopy.Project),
            ("src/Gateways/Edge-Base/Gateway.cs", "class Gateway { }"),
            ("docker-compose.yml", """
                services:
                  ledger:
                    build:
                      context: .
                      dockerfile: src/Billing.Worker/Dockerfile
                  orders:
                    build: ./src/Orders.Api
                  rates.api:
                    build: ./src/Billing.Worker
                  edge:
                    build:
                      context: .
                      dockerfile: src/Gateways/Edge-Base/Dockerfile
                """));

        var run = await CliRun.ScanAsync(repository, "--no-restore", "-q", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.Contains(inventory.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "INV1016" && f.GetProperty("target").GetString() == "ledger");
        var edge = Assert.Single(inventory.GetProperty("graph").GetProperty("edges").EnumerateArray(), e => e.GetProperty("from").GetString() == "component:Orders.Api" && e.GetProperty("to").GetString() == "component:Billing.Worker");
        Assert.Equal("component:Billing.Worker", edge.GetProperty("to").GetString());

        // Both calls, by the plain and the dotted compose name, reach it.
        Assert.Equal(2, edge.GetProperty("findings").GetArrayLength());

        // A service built from a folder whose project is named otherwise (Edge-Base holds OcelotGateway.csproj) is that project.
        Assert.Contains(inventory.GetProperty("graph").GetProperty("edges").EnumerateArray(), e => e.GetProperty("from").GetString() == "component:Orders.Api" && e.GetProperty("to").GetString() == "component:OcelotGateway");
    }

    [Fact]
    public async Task ComposeEnvironmentAndMountedRoutes_ShouldBeTheirServicesConfiguration()
    {
        var repository = FixtureCopy.Repository(
            ("src/Orders.Api/Orders.Api.csproj", FixtureCopy.Project),
            ("src/Orders.Api/CatalogClient.cs", """
                class CatalogClient
                {
                    private readonly Microsoft.Extensions.Configuration.IConfiguration _configuration;
                    public CatalogClient(Microsoft.Extensions.Configuration.IConfiguration configuration) => _configuration = configuration;
                    async System.Threading.Tasks.Task Items(System.Net.Http.HttpClient http) => await http.GetAsync(_configuration["CatalogUrl"] + "/items");
                }
                """),
            ("src/Catalog.Api/Catalog.Api.csproj", FixtureCopy.Project),
            ("src/Catalog.Api/Items.cs", "class Items { }"),
            ("src/Gateways/Edge-Base/OcelotGateway.csproj", FixtureCopy.Project),
            ("src/Gateways/Edge-Base/Gateway.cs", "class Gateway { }"),
            ("gateways/web/apigw/configuration.json", """
                { "ReRoutes": [ { "DownstreamHostAndPorts": [ { "Host": "catalog.api", "Port": 80 } ], "UpstreamPathTemplate": "/c/{all}", "DownstreamPathTemplate": "/api/v1/{all}" } ] }
                """),
            ("docker-compose.yml", """
                services:
                  orders:
                    build: ./src/Orders.Api
                  catalog.api:
                    build: ./src/Catalog.Api
                  webgw:
                    build:
                      context: .
                      dockerfile: src/Gateways/Edge-Base/Dockerfile
                """),
            ("docker-compose.override.yml", """
                services:
                  orders:
                    environment:
                      - CatalogUrl=http://catalog.api/api/v1
                      - LedgerPassword=Zq7!vR2#pL9xK4mW
                  webgw:
                    volumes:
                      - ./gateways/web/apigw:/app/configuration
                """));

        var run = await CliRun.ScanAsync(repository, "--no-restore", "-q", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        var findings = inventory.GetProperty("findings").EnumerateArray().ToList();
        var edges = inventory.GetProperty("graph").GetProperty("edges").EnumerateArray().ToList();

        // The compose environment of the service built from Orders.Api is its configuration.
        var call = Assert.Single(findings, f => f.GetProperty("kind").GetString() == "http-client");
        Assert.Equal("http://catalog.api/api/v1/items", call.GetProperty("target").GetString());
        Assert.Contains(edges, e => e.GetProperty("from").GetString() == "component:Orders.Api" && e.GetProperty("to").GetString() == "component:Catalog.Api");

        // The routes file webgw mounts is the gateway project's.
        var route = Assert.Single(findings, f => f.GetProperty("kind").GetString() == "gateway-route");
        Assert.Equal(("OcelotGateway", "webgw"), (route.GetProperty("component").GetString(), route.GetProperty("details").GetProperty("mountedBy").GetString()));
        Assert.Contains(edges, e => e.GetProperty("from").GetString() == "component:OcelotGateway" && e.GetProperty("to").GetString() == "component:Catalog.Api" && e.GetProperty("kind").GetString() == "routes");

        // Lent to every project for its environment, the compose files' own secrets are still reported once, by the repository.
        var secret = Assert.Single(findings, f => f.GetProperty("kind").GetString() == "secret");
        Assert.Equal(("(repository files)", "docker-compose.override.yml"), (secret.GetProperty("component").GetString(), secret.GetProperty("path").GetString()));
    }
}

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

/// <summary>Configuration copies a repository committed under bin/ and obj/: they ship, so they are read, and marked.</summary>
[Collection(ScannerCollection.Name)]
public sealed class CommittedBuildOutputTests
{
    [Fact]
    public async Task CommittedConfigCopies_ShouldBeScannedAsBuildOutput_AndUntrackedOnesLeftAlone()
    {
        var root = Directory.CreateTempSubdirectory("inventory-binconfig-").FullName;
        var project = Path.Combine(root, "Billing");
        Directory.CreateDirectory(Path.Combine(project, "bin", "Release"));
        Directory.CreateDirectory(Path.Combine(project, "obj", "Debug"));
        File.WriteAllText(Path.Combine(project, "Billing.csproj"), """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        File.WriteAllText(Path.Combine(project, "Program.cs"), "class Program { static void Main() { } }");
        const string Config = """<configuration><appSettings><add key="DBPASSWORD" value="Fin@nce2019!" /></appSettings></configuration>""";
        File.WriteAllText(Path.Combine(project, "bin", "Release", "Billing.exe.config"), Config);
        File.WriteAllText(Path.Combine(project, "obj", "Debug", "Billing.vshost.exe.config"), Config);
        TestGit.Run(root, "init", "-q");
        TestGit.Run(root, "add", "Billing/Billing.csproj", "Billing/Program.cs", "Billing/bin/Release/Billing.exe.config");

        var run = await CliRun.ScanAsync(root, "--no-restore", "-v", "quiet");

        Assert.True(run.ExitCode == 0, run.Error);
        var secret = Assert.Single(JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "secret");
        Assert.Equal("Billing/bin/Release/Billing.exe.config", secret.GetProperty("path").GetString());
        Assert.Equal("true", secret.GetProperty("details").GetProperty("buildOutput").GetString());
        Assert.Equal("Billing", secret.GetProperty("component").GetString());
        Assert.DoesNotContain("Fin@nce2019!", run.Read("inventory.json"), StringComparison.Ordinal);
    }
}
