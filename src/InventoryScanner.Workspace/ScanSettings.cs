using System.Text.Json;
using System.Text.Json.Serialization;
using Json.Schema;
using Microsoft.Extensions.FileSystemGlobbing;

namespace InventoryScanner.Workspace;

/// <summary>
/// <c>.inventory-settings.json</c> at the scan root: which projects and files a scan takes (globs, Microsoft's globbing),
/// and defaults for the scan command's options. The file is validated against its JSON schema
/// (<c>docs/settings.schema.json</c>, embedded); a file that is not valid is ignored as a whole, and the scan says why
/// (<see cref="Problem"/>) and goes on with the defaults: bad input never stops a scan.
/// </summary>
public sealed record ScanSettings
{
    public const string FileName = ".inventory-settings.json";

    public static readonly ScanSettings None = new();

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public SettingsOptions Options { get; init; } = new();

    /// <summary>
    /// Hosts the code calls, by the component that serves them (<c>"orders.contoso.internal": "Orders.Api"</c>): calls to
    /// a host no launch URL or service name says is the component's are joined to it, in the scan and in an estate.
    /// </summary>
    public IReadOnlyDictionary<string, string> Hosts { get; init; } = new Dictionary<string, string>();

    /// <summary>Weights, hours, rate and currency of the assessment's priorities, and manual hours for its ROI.</summary>
    public Core.Model.AssessmentSettings Assessment { get; init; } = Core.Model.AssessmentSettings.Default;

    /// <summary>Why the settings file was not used (not valid JSON, or not valid against the schema); null when it was, or there is none.</summary>
    [JsonIgnore]
    public string? Problem { get; init; }

    /// <summary>The settings file's path, when there is one.</summary>
    [JsonIgnore]
    public string? Path { get; init; }

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(ScanSettings).Assembly.GetManifestResourceStream("InventoryScanner.settings.schema.json")!;
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The settings of the scan root that <paramref name="scanPath"/> names (the folder, or the file's folder).</summary>
    public static ScanSettings ForScanPath(string scanPath)
    {
        var full = System.IO.Path.GetFullPath(scanPath);
        var root = Directory.Exists(full) ? full : System.IO.Path.GetDirectoryName(full)!;
        return Read(System.IO.Path.Combine(root, FileName));
    }

    public static ScanSettings Read(string path)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!results.IsValid)
            {
                var errors = (results.Details ?? [])
                    .Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Values.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {Plain(e)}"))
                    .Distinct()
                    .Take(5);
                return None with { Path = path, Problem = $"{FileName} is not valid ({string.Join("; ", errors)}); it was ignored and the scan used the defaults" };
            }

            return (document.RootElement.Deserialize<ScanSettings>(SerializerOptions) ?? None) with { Path = path };
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return None with { Path = path, Problem = $"{FileName} could not be read ({exception.Message.Split('\n', 2)[0].Trim()}); it was ignored and the scan used the defaults" };
        }
    }

    /// <summary>The pattern that leaves <paramref name="path"/> (under <paramref name="root"/>) out of the scan; null when it is in.</summary>
    /// <param name="byInclude">False for a file that belongs to a project the scan takes (its appsettings.json): only
    /// <c>exclude</c> can leave it out, so that including <c>src/Api/Api.csproj</c> keeps the files beside it.</param>
    public string? ExcludedBy(string root, string path, bool byInclude = true)
    {
        var relative = System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
        if (byInclude && Include.Count > 0 && !Include.Any(pattern => Matches(pattern, relative)))
        {
            return "include: " + string.Join(", ", Include);
        }

        return Exclude.FirstOrDefault(pattern => Matches(pattern, relative)) is { } excluded ? "exclude: " + excluded : null;
    }

    /// <summary>The schema library's words for a key <c>additionalProperties: false</c> refuses, said as a person would.</summary>
    private static string Plain(string error) =>
        error.Contains("false schema", StringComparison.Ordinal) ? "not a known setting" : error;

    private static bool Matches(string pattern, string relative)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddInclude(pattern);
        return matcher.Match(relative).HasMatches;
    }
}

/// <summary>Defaults for the scan command's options (null: not set here).</summary>
public sealed record SettingsOptions
{
    public string? Out { get; init; }

    public IReadOnlyList<string>? Format { get; init; }

    /// <summary>What SARIF does with the integration facts: <c>note</c> or <c>omit</c>.</summary>
    public string? SarifFacts { get; init; }

    public string? FailOn { get; init; }

    public bool? IncludeTests { get; init; }

    public bool? Restore { get; init; }

    public int? MaxParallel { get; init; }

    public string? Verbosity { get; init; }
}
