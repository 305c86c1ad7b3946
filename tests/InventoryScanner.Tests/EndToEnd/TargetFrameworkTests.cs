namespace InventoryScanner.Tests.EndToEnd;

/// <summary>A multi-targeted project is analysed for one framework: the first by name, or the one <c>--framework</c> asks for.</summary>
[Collection(ScannerCollection.Name)]
public sealed class TargetFrameworkTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks></PropertyGroup>
        </Project>
        """;

    private const string Client = """
        class Partner
        {
        #if NETSTANDARD2_0
            System.Threading.Tasks.Task<string> Call(System.Net.Http.HttpClient http) => http.GetStringAsync("https://legacy.example.com/api");
        #else
            System.Threading.Tasks.Task<string> Call(System.Net.Http.HttpClient http) => http.GetStringAsync("https://modern.example.com/api");
        #endif
        }
        """;

    [Theory]
    [InlineData("", "https://modern.example.com/api")]
    [InlineData("--framework netstandard2.0", "https://legacy.example.com/api")]
    [InlineData("--framework netstandard2.0 --design-time-load", "https://legacy.example.com/api")]
    [InlineData("--design-time-load", "https://modern.example.com/api")]
    [InlineData("--framework net48", "https://modern.example.com/api")]
    public async Task MultiTargetedProject_ShouldBeAnalysedForTheFrameworkAskedFor_ElseTheFirstByName(string arguments, string expected)
    {
        var repository = FixtureCopy.Repository(("src/Partner/Partner.csproj", Project), ("src/Partner/Partner.cs", Client));

        var run = await CliRun.ScanAsync([repository, "-q", "--format", "json", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(0, run.ExitCode);
        var inventory = run.Read("inventory.json");
        Assert.Contains(expected, inventory, StringComparison.Ordinal);
        Assert.DoesNotContain(expected.Contains("legacy", StringComparison.Ordinal) ? "https://modern.example.com/api" : "https://legacy.example.com/api", inventory, StringComparison.Ordinal);
    }
}
