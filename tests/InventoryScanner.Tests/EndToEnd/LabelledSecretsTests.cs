using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>
/// Precision and recall of INV9001 per category on the labelled secrets corpus (tests/fixtures/Secrets): C# sinks,
/// connection strings, known token formats, headers, keys and URLs, and every kind of configuration and deployment file.
/// Scanned restored and, from a copy without obj/, with its packages unresolved. A drop in any category fails the test;
/// the table is written to the test output.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed partial class LabelledSecretsTests(ITestOutputHelper output)
{
    private static string Corpus => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "Secrets");

    [Fact]
    public void Corpus_ShouldHoldAtLeastEightyPositiveAndEightyNegativeCases()
    {
        var labels = Labels(Corpus);

        Assert.True(labels.Count(l => l.IsSecret) >= 80, $"{labels.Count(l => l.IsSecret)} positive cases");
        Assert.True(labels.Count(l => !l.IsSecret) >= 80, $"{labels.Count(l => !l.IsSecret)} negative cases");
    }

    [Fact]
    public async Task Restored_EveryCategoryShouldKeepItsPrecisionAndRecall()
    {
        var run = await CliRun.ScanAsync(Corpus, "-v", "quiet");
        Assert.True(run.ExitCode == 0, run.Error);

        var scores = Score(Labels(Corpus), SecretLines(run), "restored");

        Assert.All(scores, s => Assert.True(s.Precision >= 1 && s.Recall >= 1, s.ToString()));
    }

    [Fact]
    public async Task Unresolved_EveryCategoryShouldKeepItsPrecisionAndRecall()
    {
        var copy = Directory.CreateTempSubdirectory("inventory-secrets-").FullName;
        FixtureCopy.WithoutBuildOutput(Corpus, copy);
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "Directory.Build.props"), Path.Combine(copy, "Directory.Build.props"));
        var run = await CliRun.ScanAsync(copy, "--no-restore", "-v", "quiet");
        Assert.True(run.ExitCode == 0, run.Error);

        var scores = Score(Labels(copy), SecretLines(run), "packages unresolved");

        Assert.All(scores, s => Assert.True(s.Precision >= 1 && s.Recall >= 1, s.ToString()));
    }

    [Fact]
    public async Task NoOutput_ShouldHoldAnyOfTheCorpusSecrets()
    {
        var run = await CliRun.ScanAsync(Corpus, "-v", "diagnostic");
        Assert.True(run.ExitCode == 0, run.Error);
        var (salt, _) = InventoryScanner.Workspace.RepositorySalt.For(Corpus);
        var findings = JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "secret")
            .ToList();

        // Each finding's secret, recovered from its line: the candidate whose salted hash is the finding's valueHash.
        var secrets = new List<string>();
        foreach (var finding in findings)
        {
            // (A key kept in a constant is reported where it is used: its value is elsewhere in the file.)
            var lines = File.ReadAllLines(Path.Combine(Corpus, finding.GetProperty("path").GetString()!));
            var valueHash = finding.GetProperty("valueHash").GetString();
            var secret = Candidates(lines[finding.GetProperty("line").GetInt32() - 1]).Concat(lines.SelectMany(Candidates))
                .FirstOrDefault(candidate => Hash(candidate, salt ?? string.Empty) == valueHash);
            Assert.True(secret is not null, $"the secret of {finding.GetProperty("path").GetString()}:{finding.GetProperty("line").GetInt32()} is not in its file");
            secrets.Add(secret);
        }

        Assert.Equal(Labels(Corpus).Count(l => l.IsSecret), secrets.Count);

        // A default such as "secret" is also a word of the reports' own vocabulary ("5 secret"): only those are exempt.
        secrets.RemoveAll(secret => secret.Length <= 6 && secret.All(char.IsLetter));
        foreach (var (name, text) in run.AllOutputs())
        {
            var leaked = secrets.Where(secret => text.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, $"{name} holds {leaked.Count} raw secret(s) of the corpus");
        }
    }

    /// <summary>Every substring of the line between delimiters, and what base64 ones decode to.</summary>
    private static IEnumerable<string> Candidates(string line)
    {
        foreach (var separators in new[] { "\"' \t;,<>()[]{}?", "\"' \t;,=<>()[]{}", "\"' \t;,=<>()[]{}:@/" })
        {
            foreach (var part in line.Split(separators.ToCharArray(), StringSplitOptions.RemoveEmptyEntries))
            {
                yield return part;
                string? decoded;
                try
                {
                    decoded = Encoding.UTF8.GetString(Convert.FromBase64String(part));
                }
                catch (FormatException)
                {
                    decoded = null;
                }

                if (decoded is not null)
                {
                    yield return decoded;
                }
            }
        }

        // C# string literals with their escapes (a PEM block written with \n).
        foreach (var literal in line.Split('"').Where((_, index) => index % 2 == 1))
        {
            yield return literal.Replace("\\n", "\n", StringComparison.Ordinal);
        }

        // Key=value pairs whose value ends in '=' (base64 keys in connection strings).
        foreach (var pair in line.Split(['"', '\'', ' ', ';', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                yield return pair[(equals + 1)..];
            }
        }
    }

    /// <summary>INV9001's value hash, restated here as its specification: SHA-256 of the versioned, salted value, 8 bytes.</summary>
    private static string Hash(string value, string salt) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("InventoryScanner/secret/v1:" + salt + ":" + value)))[..16];

    private List<CategoryScore> Score(List<Label> labels, HashSet<(string Path, int Line)> found, string mode)
    {
        var scores = new List<CategoryScore>();
        foreach (var category in labels.Select(l => l.Category).Distinct().Order(StringComparer.Ordinal).Append("all"))
        {
            var inCategory = labels.Where(l => category == "all" || l.Category == category).ToList();
            var truePositives = inCategory.Count(l => l.IsSecret && found.Contains((l.Path, l.Line)));
            var falseNegatives = inCategory.Where(l => l.IsSecret && !found.Contains((l.Path, l.Line))).ToList();
            var falsePositives = inCategory.Where(l => !l.IsSecret && found.Contains((l.Path, l.Line))).ToList();
            scores.Add(new CategoryScore(category, inCategory.Count(l => l.IsSecret), inCategory.Count(l => !l.IsSecret), truePositives, falsePositives.Count));
            if (category != "all")
            {
                falseNegatives.ForEach(l => output.WriteLine($"  missed ({mode}): {l.Path}:{l.Line} {l.Category}"));
                falsePositives.ForEach(l => output.WriteLine($"  false positive ({mode}): {l.Path}:{l.Line} {l.Category}"));
            }
        }

        // A finding on a line nobody labelled is a false positive of its own category.
        var unlabelled = found.Where(f => !labels.Any(l => l.Path == f.Path && l.Line == f.Line)).ToList();
        unlabelled.ForEach(f => output.WriteLine($"  unlabelled finding ({mode}): {f.Path}:{f.Line}"));
        scores.Add(new CategoryScore("unlabelled lines", 0, 0, 0, unlabelled.Count));

        var table = new StringBuilder($"| category ({mode}) | positives | negatives | found | false positives | precision | recall |\n|---|---|---|---|---|---|---|\n");
        foreach (var s in scores)
        {
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {s.Category} | {s.Positives} | {s.Negatives} | {s.TruePositives} | {s.FalsePositives} | {s.Precision:0.00} | {s.Recall:0.00} |\n");
        }

        output.WriteLine(table.ToString());
        return scores;
    }

    private static List<Label> Labels(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin") && !f.EndsWith("README.md", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((text, index) => (file, text, index)))
            .Select(line => (line.file, line.index, match: LabelPattern().Match(line.text)))
            .Where(line => line.match.Success)
            .Select(line => new Label(
                Path.GetRelativePath(root, line.file).Replace('\\', '/'),
                line.index + 1,
                line.match.Groups["not"].Success,
                line.match.Groups["category"].Value))
            .ToList();

    private static HashSet<(string Path, int Line)> SecretLines(CliRun run) =>
        JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "secret")
            .Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("line").GetInt32()))
            .ToHashSet();

    [GeneratedRegex(@"(?:#|//|<!--)\s*(?<not>not-)?secret: (?<category>[a-z-]+)")]
    private static partial Regex LabelPattern();

    private sealed record Label(string Path, int Line, bool IsNegative, string Category)
    {
        public bool IsSecret => !IsNegative;
    }

    private sealed record CategoryScore(string Category, int Positives, int Negatives, int TruePositives, int FalsePositives)
    {
        public double Precision => PrecisionRecall.Precision(TruePositives, FalsePositives);

        public double Recall => PrecisionRecall.Recall(TruePositives, Positives);
    }
}
