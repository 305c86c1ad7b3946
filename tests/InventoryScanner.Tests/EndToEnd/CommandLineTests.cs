using System.Diagnostics;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>What a newcomer types first: --version, --help, and tab completion in a real shell (issue 14).</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Version_ShouldPrintTheToolVersion()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), ["--version"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output);
    }

    [Fact]
    public async Task ScanHelp_ShouldShowExamplesAndPlainValueNames()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), ["scan", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
        Assert.Contains("inventory scan . -o audit --format json,md", run.Output, StringComparison.Ordinal);
        Assert.Contains("-v, --verbosity <level>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--max-parallel <n>", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Detailed|Diagnostic", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inventory scan --f", "--fail-on\n--format\n--framework")]
    [InlineData("inventory scan . --format ", "backstage\nbaseline\ncsv\ncyclonedx\ndot\ngraphml\nhtml\njson\nmd\nsarif\nstructurizr")]
    [InlineData("inventory scan . -v d", "detailed\ndiagnostic")]
    [InlineData("inventory comp", "completion")]
    public async Task BashCompletion_ShouldCompleteOptionsAndTheirValues(string line, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // bash is not a given on Windows; the pwsh script uses the same directive
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "inventory.dll");
        var words = line.EndsWith(' ') ? $"{line.TrimEnd()} ''" : line;
        var script = $$"""
            inventory() { dotnet '{{cli}}' "$@"; }
            source <(inventory completion bash)
            COMP_LINE='{{line}}'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=({{words}}); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _inventory_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(expected, string.Join("\n", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)));
    }
}
