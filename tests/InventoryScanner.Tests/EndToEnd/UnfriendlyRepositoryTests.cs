using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>
/// Repositories as an auditor receives them (issue 14): an SDK pin this machine cannot satisfy, build files that import
/// what is not there, a company feed that cannot be reached. The scan never stops: it goes on, and says what changed.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed class UnfriendlyRepositoryTests
{
    [Theory]
    [InlineData("""{ "sdk": { "version": "8.0.419" } }""", "8.0.419", "pins SDK 8.0.419, which no installed SDK satisfies")]
    [InlineData("""{ "sdk": { "version": "10.0.100", "rollForward": "disable" } }""", "10.0.100", "pins SDK 10.0.100 (rollForward: disable), which no installed SDK satisfies")]
    [InlineData("""{ "sdk": { "version": "10.0.""", null, "is not valid JSON")]
    public async Task GlobalJsonTheSdksCannotHonour_ShouldNotStopTheScan_AndShouldSaySoOnce(string globalJson, string? requested, string reason)
    {
        var repository = FixtureCopy.Repository(("global.json", globalJson), ("App/App.csproj", FixtureCopy.Project), ("App/Partner.cs", FixtureCopy.PartnerClient("partner.example.com/api")));

        var run = await CliRun.ScanAsync(repository);

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        var component = Assert.Single(inventory.GetProperty("components").EnumerateArray());
        Assert.Equal("semantic", component.GetProperty("analysis").GetString());
        Assert.Contains(component.GetProperty("loadDiagnostics").EnumerateArray(), d => d.GetString()!.StartsWith("restored and loaded with .NET SDK ", StringComparison.Ordinal));
        Assert.Contains(inventory.GetProperty("findings").EnumerateArray(), f => f.GetProperty("target").GetString() == "https://partner.example.com/api/ping");

        var substitution = Assert.Single(inventory.GetProperty("sdk").GetProperty("substitutions").EnumerateArray());
        Assert.Equal("global.json", substitution.GetProperty("globalJson").GetString());
        Assert.Equal(requested, substitution.TryGetProperty("requested", out var value) ? value.GetString() : null);
        Assert.Contains(reason, substitution.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Once on standard error, once among the scan's messages, and in both reports; never on standard output.
        Assert.Single(run.Error.Split('\n'), line => line.Contains(reason, StringComparison.Ordinal));
        Assert.Single(inventory.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.Contains(reason, run.Read("report.md"), StringComparison.Ordinal);
        Assert.Contains(reason, run.Read("report.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("[/usr/share/dotnet/sdk]", run.Output, StringComparison.Ordinal);

        // The repository is read, never changed.
        Assert.Equal(globalJson, File.ReadAllText(Path.Combine(repository, "global.json")));
    }

    [Fact]
    public async Task TwoProjectsOfOneName_ShouldBeTwoComponents_NamedAfterTheFolderThatTellsThemApart()
    {
        // A legacy and a modernised copy of one service side by side, as sample and migration repositories keep them.
        var repository = FixtureCopy.Repository(
            ("Legacy/src/Orders/Orders.csproj", FixtureCopy.Project),
            ("Legacy/src/Orders/Partner.cs", FixtureCopy.PartnerClient("legacy.example.com/api")),
            ("Modern/src/Orders/Orders.csproj", FixtureCopy.Project),
            ("Modern/src/Orders/Partner.cs", FixtureCopy.PartnerClient("modern.example.com/api")));

        var run = await CliRun.ScanAsync(repository);

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.Equal(
            ["Orders (Legacy)", "Orders (Modern)"],
            inventory.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Orders (Legacy) https://legacy.example.com/api/ping", "Orders (Modern) https://modern.example.com/api/ping"],
            inventory.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("kind").GetString() == "http-client")
                .Select(f => f.GetProperty("component").GetString() + " " + f.GetProperty("target").GetString())
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MsbuildSdkThatCannotBeResolved_ShouldFailOnlyItsProject_WithTheReason()
    {
        var repository = FixtureCopy.Repository(
            ("global.json", """{ "sdk": { "version": "8.0.419" }, "msbuild-sdks": { "Contoso.Build.Sdk": "1.2.3" } }"""),
            ("App/App.csproj", FixtureCopy.Project),
            ("App/Partner.cs", FixtureCopy.PartnerClient("partner.example.com/api")),
            ("Tools/Tools.csproj", """<Project Sdk="Contoso.Build.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>"""),
            ("Tools/Sync.cs", FixtureCopy.PartnerClient("tools.example.com/api")));

        var run = await CliRun.ScanAsync(repository);

        Assert.True(run.ExitCode == 0, run.Error);
        var components = JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("semantic", components["App"].GetProperty("analysis").GetString());
        Assert.Equal("syntax", components["Tools"].GetProperty("analysis").GetString());
        Assert.Contains(components["Tools"].GetProperty("messages").EnumerateArray(), m => m.GetString() == "restore MSB4236: The SDK 'Contoso.Build.Sdk' specified could not be found.");
        Assert.Contains(
            JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("target").GetString() == "https://tools.example.com/api/ping");
    }

    [Fact]
    public async Task ACustomSdkThatDoesNotResolve_ShouldStillHaveTheImplicitUsingsItsCodeReliesOn()
    {
        // Code written for a custom SDK that enables ImplicitUsings: no using for System.Net.Http anywhere. Without the SDK's
        // global usings the request does not resolve, and the call has no address.
        var repository = FixtureCopy.Repository(
            ("Tools/Tools.csproj", """<Project Sdk="Microsoft.NET.Sdk"><Sdk Name="Contoso.Build.Sdk" /><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>"""),
            ("Tools/Status.cs", """
                namespace Tools;
                public sealed class Status(HttpClient client)
                {
                    public async Task<bool> CheckAsync()
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, "https://status.example.com/api/health");
                        var response = await client.SendAsync(request);
                        return response.IsSuccessStatusCode;
                    }
                }
                """));

        var run = await CliRun.ScanAsync(repository);

        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.Equal("syntax", root.GetProperty("components")[0].GetProperty("analysis").GetString());
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("target").GetString() == "https://status.example.com/api/health");
    }

    [Fact]
    public async Task AMauiProjectWhoseWorkloadIsNotInstalled_ShouldStillYieldItsInjectedClientsCalls()
    {
        // net10.0-android/-ios with no workload here, and a JsonSerializerContext whose members only its generator writes:
        // the call does not bind, and it is still the app's call to the catalog.
        var repository = FixtureCopy.Repository(
            ("Mobile/Mobile.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFrameworks>net10.0-android;net10.0-ios</TargetFrameworks>
                    <OutputType>Exe</OutputType>
                    <UseMaui>true</UseMaui>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                </Project>
                """),
            ("Mobile/CatalogApi.cs", """
                using System.Net.Http.Json;
                using System.Text.Json.Serialization;
                namespace Mobile;
                public sealed record Product(int Id, string Name);
                [JsonSerializable(typeof(Product[]))]
                public sealed partial class AppJsonContext : JsonSerializerContext;
                public sealed class CatalogApi(HttpClient http)
                {
                    public Task<Product[]?> ProductsAsync() =>
                        http.GetFromJsonAsync("https://catalog.contoso.example/api/products", AppJsonContext.Default.ProductArray);
                }
                """));

        var run = await CliRun.ScanAsync(repository);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(
            JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("kind").GetString() == "http-client" && f.GetProperty("target").GetString() == "https://catalog.contoso.example/api/products");
    }

    [Fact]
    public async Task MissingImportsAndAFeedThatNeverAnswers_ShouldStillYieldTheFindings_WithTheReasonPerComponent()
    {
        // A feed that takes the connection and never answers, as a company feed does off the company's network.
        using var feed = new TcpListener(IPAddress.Loopback, 0);
        feed.Start();
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    accepted.Add(await feed.AcceptTcpClientAsync());
                }
                catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
                {
                    return;
                }
            }
        });
        var port = ((IPEndPoint)feed.LocalEndpoint).Port;
        var repository = FixtureCopy.Repository(
            ("nuget.config", $"""
                <configuration>
                  <packageSources>
                    <add key="contoso" value="http://127.0.0.1:{port}/v3/index.json" allowInsecureConnections="true" />
                  </packageSources>
                </configuration>
                """),
            ("Directory.Build.props", """<Project><Import Project="build/Company.Common.props" /><Import Project="build/Optional.props" Condition="Exists('build/Optional.props')" /></Project>"""),
            ("Directory.Packages.props", """<Project><Import Project="$(MSBuildThisFileDirectory)eng/Versions.props" /></Project>"""),
            ("Api/Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageReference Include="Contoso.Internal.Logging" Version="2.1.0" /></ItemGroup>
                </Project>
                """),
            ("Api/Partner.cs", FixtureCopy.PartnerClient("partner.example.com/api")));

        var run = await CliRun.ScanAsync(repository);

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        var component = Assert.Single(inventory.GetProperty("components").EnumerateArray());
        Assert.Equal("partial", component.GetProperty("analysis").GetString());
        var messages = component.GetProperty("messages").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("restore NU1101: Unable to find package Contoso.Internal.Logging.", StringComparison.Ordinal));
        Assert.Contains("Directory.Build.props imports 'build/Company.Common.props', which does not exist: what it sets (package versions, properties, items) is missing from the load", messages);
        Assert.Contains("Directory.Packages.props imports '$(MSBuildThisFileDirectory)eng/Versions.props', which does not exist: what it sets (package versions, properties, items) is missing from the load", messages);
        Assert.DoesNotContain(messages, m => m.Contains("Optional.props", StringComparison.Ordinal));
        Assert.Contains(
            inventory.GetProperty("messages").EnumerateArray(),
            m => m.GetString() == $"package source 'contoso' (http://127.0.0.1:{port}/v3/index.json) cannot be reached (no answer within 5 s): restore used the other sources, and a package only it has is named on each project that needs it");
        Assert.Contains(inventory.GetProperty("findings").EnumerateArray(), f => f.GetProperty("target").GetString() == "https://partner.example.com/api/ping");
        feed.Stop();
        accepted.ForEach(c => c.Dispose());
    }
}
