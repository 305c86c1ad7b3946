using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryScanner.Core.Estate;
using Json.Schema;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>
/// The fan-out shipped for engines teams already run, tested as far as this machine allows: the manifest and its
/// expansion into a matrix and into a pod's entry, the reusable GitHub workflow against the workflow schema, the
/// Kubernetes Jobs for their structure and against the Kubernetes API's models, and the image built from the Dockerfile when a container engine answers.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed class EstateFanOutTests
{
    private static string Root => RepositoryPaths.Root;

    [Fact]
    public async Task Manifest_ShouldExpandToAMatrix_AndToEachPodsEntry()
    {
        var manifest = Path.Combine(Root, "deploy", "estate.example.yaml");

        var matrix = await CliRun.RunAsync(Root, ["manifest", "matrix", manifest]);

        Assert.Equal(0, matrix.ExitCode);
        var include = JsonNode.Parse(matrix.Output)!["include"]!.AsArray();
        Assert.Equal(
            ["orders contoso/orders main src/Orders.sln", "billing contoso/billing  .", "legacy-crm  release/2024 ."],
            include.Select(e => $"{e!["name"]} {e["repository"]} {e["ref"]} {e["path"]}"));

        var entry = await CliRun.RunAsync(Root, ["manifest", "entry", manifest, "--index", "2"]);
        Assert.Equal(0, entry.ExitCode);
        Assert.Contains("REPOSITORY_URL='https://git.contoso.example/crm/legacy-crm.git'", entry.Output, StringComparison.Ordinal);
        var outside = await CliRun.RunAsync(Root, ["manifest", "entry", manifest, "--index", "3"]);
        Assert.Equal(2, outside.ExitCode);
    }

    [SkippableFact]
    public void ManifestEntry_ShouldBeSafeToEvalInAShell()
    {
        Skip.IfNot(File.Exists("/bin/sh"), "no POSIX shell here");
        var shell = EstateManifest.Parse("""
            repositories:
              - name: odd
                url: https://example.com/odd.git
                path: "it's $(echo owned)/App.sln"
            """).Shell(0);

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(shell + "printf '%s' \"$REPOSITORY_PATH\"");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal("it's $(echo owned)/App.sln", output);
    }

    [Theory]
    [InlineData("repositories: []", "lists no repositories")]
    [InlineData("repositories:\n  - name: a\n", "has no url")]
    [InlineData("repositories:\n  - url: https://x/a.git\n  - url: https://y/a.git\n", "listed twice")]
    [InlineData("repositories:\n  - name: 'a b'\n    url: https://x/a.git\n", "is not a repository name")]
    [InlineData("repositories: [", "is not a valid manifest")]
    public void ManifestThatCannotBeUsed_ShouldSayWhy(string text, string message)
    {
        var exception = Assert.Throws<EstateException>(() => EstateManifest.Parse(text));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReusableWorkflow_ShouldBeAValidWorkflow_ThatRunsTheToolsOwnCommands()
    {
        var path = Path.Combine(Root, ".github", "workflows", "inventory-estate.yml");
        var workflow = ToJson(File.ReadAllText(path));

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "tests", "InventoryScanner.Tests", "Schemas", "github-workflow.json")));
        var result = schema.Evaluate(workflow, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));

        var jobs = workflow.GetProperty("jobs");
        Assert.Equal("plan", jobs.GetProperty("scan").GetProperty("needs").GetString());
        Assert.Equal("scan", jobs.GetProperty("merge").GetProperty("needs").GetString());
        Assert.Equal("${{ fromJSON(needs.plan.outputs.matrix) }}", jobs.GetProperty("scan").GetProperty("strategy").GetProperty("matrix").GetString());
        var runs = jobs.EnumerateObject().SelectMany(j => j.Value.GetProperty("steps").EnumerateArray()).Where(s => s.TryGetProperty("run", out _)).Select(s => s.GetProperty("run").GetString()!).ToList();
        await AssertCommandsExist(runs);
    }

    [Fact]
    public async Task KubernetesJobs_ShouldBeAnIndexedScanAndAMerge_OnOneVolume_RunningTheToolsOwnCommands()
    {
        var scan = Documents(Path.Combine(Root, "deploy", "kubernetes", "inventory-scan-job.yaml"));
        var merge = Documents(Path.Combine(Root, "deploy", "kubernetes", "inventory-merge-job.yaml"));

        var claim = Assert.Single(scan, d => d.GetProperty("kind").GetString() == "PersistentVolumeClaim").GetProperty("metadata").GetProperty("name").GetString();
        var jobs = scan.Concat(merge).Where(d => d.GetProperty("kind").GetString() == "Job").ToList();
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, job =>
        {
            Assert.Equal("batch/v1", job.GetProperty("apiVersion").GetString());
            var pod = job.GetProperty("spec").GetProperty("template").GetProperty("spec");
            Assert.Equal("Never", pod.GetProperty("restartPolicy").GetString());
            var volumes = pod.GetProperty("volumes").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
            Assert.Equal(claim, volumes["estate"].GetProperty("persistentVolumeClaim").GetProperty("claimName").GetString());
            foreach (var container in pod.GetProperty("containers").EnumerateArray())
            {
                Assert.StartsWith("ghcr.io/inventory-scanner/inventory:", container.GetProperty("image").GetString(), StringComparison.Ordinal);
                Assert.All(container.GetProperty("volumeMounts").EnumerateArray(), m => Assert.True(volumes.ContainsKey(m.GetProperty("name").GetString()!)));
            }
        });

        var indexed = jobs.Single(j => j.GetProperty("metadata").GetProperty("name").GetString() == "inventory-scan").GetProperty("spec");
        Assert.Equal("Indexed", indexed.GetProperty("completionMode").GetString());
        Assert.True(indexed.GetProperty("completions").GetInt32() > 0);
        var script = indexed.GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("args")[0].GetString()!;
        Assert.Contains("--index \"$JOB_COMPLETION_INDEX\"", script, StringComparison.Ordinal);
        await AssertCommandsExist(script.Split('\n'));
        var mergeArgs = jobs.Single(j => j.GetProperty("metadata").GetProperty("name").GetString() == "inventory-merge").GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("args");
        Assert.Equal("merge", mergeArgs[0].GetString());
    }

    [Fact]
    public void KubernetesManifests_ShouldLoadIntoTheKubernetesApiModels_Strictly()
    {
        // The official .NET client's models are generated from the Kubernetes OpenAPI schema; its strict loader refuses a
        // field the API does not have, a wrong type, or an apiVersion/kind it does not know.
        foreach (var file in new[] { "inventory-scan-job.yaml", "inventory-merge-job.yaml" })
        {
            var objects = k8s.KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Root, "deploy", "kubernetes", file)), typeMap: null, strict: true);
            Assert.NotEmpty(objects);
            foreach (var job in objects.OfType<k8s.Models.V1Job>())
            {
                Assert.NotEmpty(job.Spec.Template.Spec.Containers);
            }
        }

        var scan = k8s.KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Root, "deploy", "kubernetes", "inventory-scan-job.yaml")), typeMap: null, strict: true);
        Assert.Equal("Indexed", Assert.Single(scan.OfType<k8s.Models.V1Job>()).Spec.CompletionMode);
        Assert.Single(scan.OfType<k8s.Models.V1PersistentVolumeClaim>());

        // The check can fail: a misspelt field is refused.
        const string Misspelt = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  completionsMode: Indexed\n  template:\n    spec:\n      containers: []\n";
        Assert.ThrowsAny<Exception>(() => k8s.KubernetesYaml.LoadAllFromString(Misspelt, typeMap: null, strict: true));
    }

    [SkippableFact]
    public void Dockerfile_ShouldBuildTheTool_WhenAContainerEngineAnswers()
    {
        var engine = new[] { "docker", "podman" }.FirstOrDefault(e => Run(e, "info") == 0);
        Skip.If(engine is null, "no container engine answers on this machine (docker info / podman info)");

        var tag = "inventory-scanner-test:" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, Run(engine!, "build", "-t", tag, Root));
        Assert.Equal(0, Run(engine!, "run", "--rm", tag, "manifest", "--help"));
        Run(engine!, "rmi", tag);
    }

    /// <summary>Every <c>inventory …</c> command line of a script is one the tool has: its <c>--help</c> succeeds.</summary>
    private static async Task AssertCommandsExist(IEnumerable<string> scripts)
    {
        var commands = scripts.SelectMany(s => s.Split('\n'))
            .Select(l => l.Trim())
            .SelectMany(l => l.Split("$(", StringSplitOptions.None))
            .Where(l => l.StartsWith("inventory ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1] is "manifest" ? "manifest " + l.Split(' ')[2] : l.Split(' ')[1])
            .Distinct()
            .ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var help = await CliRun.RunAsync(Root, [.. command.Split(' '), "--help"]);
            Assert.True(help.ExitCode == 0, $"'inventory {command}' is no command of the tool: {help.Error}");
        }
    }

    private static int Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            return process.WaitForExit(TimeSpan.FromMinutes(20)) ? process.ExitCode : -1;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private static List<JsonElement> Documents(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return [.. stream.Documents.Select(d => ToJson(new SerializerBuilder().Build().Serialize(d.RootNode)))];
    }

    /// <summary>YAML as JSON (YamlDotNet), numbers and booleans as such, so a JSON schema can check it.</summary>
    private static JsonElement ToJson(string yaml)
    {
        var value = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(new StringReader(yaml));
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(value);
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
