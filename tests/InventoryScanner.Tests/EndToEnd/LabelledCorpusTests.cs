using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>
/// Precision and recall per library (outbound clients, messaging, data stores) on the labelled corpus (tests/fixtures/Labelled), restored and with its packages
/// unresolved. A drop below what the detectors reach today fails the test; the table is written to the test output.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed partial class LabelledCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] IntegrationKinds = ["http-client", "grpc-client", "soap-client", "signalr-client", "service-reference", "gateway-route", "queue-publish", "queue-consume", "database", "cache", "blob-storage", "smtp"];

    private static string Corpus => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "Labelled");

    [Fact]
    public async Task Restored_EveryLabelledCallShouldBeFoundWithItsTarget_AndNothingElse()
    {
        var run = await CliRun.ScanAsync(Path.Combine(Corpus, "Labelled.slnx"));
        Assert.True(run.ExitCode == 0, run.Error);
        var score = Score(Labels(Corpus), Findings(run), "restored");

        Assert.All(score, s => Assert.True(s.Precision == 1 && s.Recall == 1 && s.TargetsRight == s.TruePositives, s.ToString()));
    }

    [Fact]
    public async Task Unresolved_EveryLabelledCallShouldStillBeFoundByName_WithItsTarget_AndNothingElse()
    {
        var copy = Directory.CreateTempSubdirectory("inventory-labelled-").FullName;
        FixtureCopy.WithoutBuildOutput(Corpus, copy);
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "Directory.Build.props"), Path.Combine(copy, "Directory.Build.props"));
        var run = await CliRun.ScanAsync(Path.Combine(copy, "Labelled.slnx"), "--no-restore");
        Assert.True(run.ExitCode == 0, run.Error);
        var score = Score(Labels(copy), Findings(run), "packages unresolved");

        // What the detectors reach without packages today: every call, by name, with its target. Never lower this.
        Assert.All(score, s => Assert.True(s.Precision == 1 && s.Recall == 1 && s.TargetsRight == s.TruePositives, s.ToString()));
    }

    private List<LibraryScore> Score(List<Label> labels, List<Label> findings, string mode)
    {
        var scores = new List<LibraryScore>();
        foreach (var library in labels.Select(l => l.Library).Concat(findings.Select(f => f.Library)).Distinct().Order(StringComparer.Ordinal).Append("all"))
        {
            var expected = labels.Where(l => library == "all" || l.Library == library).ToList();
            var found = findings.Where(f => library == "all" || f.Library == library).ToList();
            var matched = expected.Where(l => found.Any(f => f.SameCall(l))).ToList();
            var targetsRight = expected.Count(l => found.Any(f => f.SameCall(l) && f.Target == l.Target));
            var falsePositives = found.Where(f => !expected.Any(l => l.SameCall(f))).ToList();
            scores.Add(new LibraryScore(library, expected.Count, matched.Count, falsePositives.Count, targetsRight));
            foreach (var miss in expected.Except(matched))
            {
                output.WriteLine($"  missed ({mode}): {miss}");
            }

            foreach (var label in matched.Where(l => library != "all" && !found.Any(f => f.SameCall(l) && f.Target == l.Target)))
            {
                output.WriteLine($"  target differs ({mode}): {label.Path}:{label.Line} expected {label.Target}, found {found.First(f => f.SameCall(label)).Target}");
            }

            foreach (var extra in falsePositives)
            {
                output.WriteLine($"  false positive ({mode}): {extra}");
            }
        }

        var table = new StringBuilder($"| library ({mode}) | labelled | found | false positives | precision | recall | targets right |\n|---|---|---|---|---|---|---|\n");
        foreach (var s in scores)
        {
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {s.Library} | {s.Labelled} | {s.TruePositives} | {s.FalsePositives} | {s.Precision:0.00} | {s.Recall:0.00} | {s.TargetsRight} |\n");
        }

        output.WriteLine(table.ToString());
        return scores;
    }

    private static List<Label> Labels(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((text, index) => (text, index)).Select(line => (file, line.text, line.index)))
            .Select(line => (line.file, line.index, match: LabelPattern().Match(line.text)))
            .Where(line => line.match.Success)
            .Select(line => new Label(
                Path.GetRelativePath(root, line.file).Replace('\\', '/'),
                line.index + 1,
                line.match.Groups["kind"].Value,
                line.match.Groups["library"].Value,
                line.match.Groups["target"].Value))
            .ToList();

    private static List<Label> Findings(CliRun run) =>
        JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => IntegrationKinds.Contains(f.GetProperty("kind").GetString()))
            .Select(f => new Label(
                f.GetProperty("path").GetString()!,
                f.GetProperty("line").GetInt32(),
                f.GetProperty("kind").GetString()!,
                f.GetProperty("library").GetString()!,
                f.GetProperty("target").GetString()!))
            .ToList();

    [GeneratedRegex(@"// expect: (?<kind>\S+) (?<library>.+) (?<target>\S+)\s*$")]
    private static partial Regex LabelPattern();

    private sealed record Label(string Path, int Line, string Kind, string Library, string Target)
    {
        public bool SameCall(Label other) => Path == other.Path && Line == other.Line && Kind == other.Kind && Library == other.Library;
    }

    private sealed record LibraryScore(string Library, int Labelled, int TruePositives, int FalsePositives, int TargetsRight)
    {
        public double Precision => PrecisionRecall.Precision(TruePositives, FalsePositives);

        public double Recall => PrecisionRecall.Recall(TruePositives, Labelled);
    }
}
