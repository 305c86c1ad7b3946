using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using InventoryScanner.Core.Passes;

namespace InventoryScanner.Core.Estate;

/// <summary>One repository's inventory, named as the estate calls it.</summary>
public sealed record EstateInput(string Repository, string Path);

/// <summary>What a merge read: the parts it parsed anew, and those it took from its cache unchanged; and how long each phase took.</summary>
public sealed record MergeStats(IReadOnlyList<string> Read, IReadOnlyList<string> Cached)
{
    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases { get; init; } = [];
}

/// <summary>
/// Many repositories' inventories as one estate: each component keeps its repository, and everything that joins across
/// components (a channel's publishers and consumers by its name, an HTTP call to the component serving it by service
/// name or launch URL, a data store shared by target, gateways and their routes) joins across repositories, because the
/// graph, the shared stores, the messaging reliability and the assessment are made again over the whole estate.
/// <list type="bullet">
/// <item>Component names two repositories share are qualified (<c>payments/Api</c>); a fingerprint two repositories share
/// is prefixed with the repository; the scanner's INV4005 (shared stores) is left out of the inputs and found again.</item>
/// <item>The estate is assessed with the inputs' settings when they agree, else with the defaults (and says so).</item>
/// <item>Incremental: each input is parsed once per content; a cache folder keeps the parsed parts by the input's
/// SHA-256, so a re-merge after one repository is rescanned parses that one only. The result depends on the inputs
/// alone (sorted by repository; dated by the latest scan), so it is byte-identical to a merge from scratch.</item>
/// <item>Inputs of another schema version are refused; inputs of other tool versions are read, and the estate's
/// messages say which.</item>
/// </list>
/// </summary>
public static class EstateMerge
{
    public const string CacheFolder = ".merge-cache";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
    };

    public static (Inventory Estate, MergeStats Stats) Merge(IReadOnlyList<EstateInput> inputs, string? cacheDirectory = null)
    {
        if (inputs.Count == 0)
        {
            throw new EstateException("nothing to merge: give inventory.json files, folders that hold them, or a manifest");
        }

        var duplicate = inputs.GroupBy(i => i.Repository, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new EstateException($"two inputs are named repository '{duplicate.Key}' ({string.Join(", ", duplicate.Select(d => d.Path))}); name them apart with name=path");
        }

        var read = new List<string>();
        var cached = new List<string>();
        var phases = new List<(string, TimeSpan)>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var parts = inputs
            .OrderBy(i => i.Repository, StringComparer.Ordinal)
            .Select(input =>
            {
                var part = Load(input, cacheDirectory, out var fromCache);
                (fromCache ? cached : read).Add(input.Repository);
                return (input.Repository, Part: part);
            })
            .ToList();

        phases.Add(("read", System.Diagnostics.Stopwatch.GetElapsedTime(started)));
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        var messages = new List<string>();
        var tools = parts.Select(p => p.Part.Tool.Version).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (tools.Count > 1)
        {
            messages.Add($"the inventories were written by different InventoryScanner versions ({string.Join(", ", parts.Select(p => p.Repository + ": " + p.Part.Tool.Version))}); their detectors may differ");
        }

        // Names two repositories share are qualified with the repository; the others stay as they are.
        var shared = parts.SelectMany(p => p.Part.Components.Select(c => (p.Repository, c.Name)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Repository).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        string Name(string repository, string component) => shared.Contains(component) ? repository + "/" + component : component;

        var fingerprints = parts.SelectMany(p => p.Part.Findings.Select(f => (p.Repository, f.Fingerprint)))
            .GroupBy(x => x.Fingerprint, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Repository).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

        var components = new List<Component>();
        var findings = new List<Finding>();
        var excluded = new List<ExcludedProject>();
        var accepted = new List<AcceptedSecret>();
        foreach (var (repository, part) in parts)
        {
            components.AddRange(part.Components.Select(c => c.In(repository, Name(repository, c.Name))));
            findings.AddRange(part.Findings
                .Where(f => f.RuleId != RuleIdentifiers.SharedDataStore)
                .Select(f => f.CopyTo(Name(repository, f.Component), repository, fingerprints.Contains(f.Fingerprint) ? repository + ":" + f.Fingerprint : f.Fingerprint)));
            excluded.AddRange(part.Excluded.Select(e => e with { Name = Name(repository, e.Name), Project = repository + "/" + e.Project }));
            accepted.AddRange(part.Accepted.Select(a => a with { Component = Name(repository, a.Component), Path = repository + "/" + a.Path }));
            messages.AddRange(part.Messages.Select(m => repository + ": " + m));
        }

        var settings = parts.Select(p => p.Part.Assessment?.Settings).Distinct(SettingsComparer.Instance).ToList();
        var repositoryOf = components.ToDictionary(c => c.Name, c => c.Repository, StringComparer.Ordinal);
        if (settings.Count > 1)
        {
            messages.Add("the inventories were assessed with different settings; the estate is assessed with the defaults");
        }

        phases.Add(("join", System.Diagnostics.Stopwatch.GetElapsedTime(started)));
        // Each repository's host map, its component names as the estate calls them; the first repository's wins a host two map.
        var hosts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (repository, part) in parts)
        {
            foreach (var (host, component) in part.Hosts ?? [])
            {
                if (!hosts.TryAdd(host, Name(repository, component)) && hosts[host] != Name(repository, component))
                {
                    messages.Add($"{repository}: its settings map host '{host}' to {component}, another repository's to {hosts[host]}; the estate keeps {hosts[host]}");
                }
            }
        }

        var scan = new ScanResult($"estate of {parts.Count} repositories", components, excluded, findings, messages)
        {
            Hosts = hosts,
            AssessmentSettings = settings.Count == 1 ? settings[0] ?? AssessmentSettings.Default : AssessmentSettings.Default,
        };
        var estate = InventoryPipeline.Run(
            scan,
            scan.Root,
            parts.Max(p => p.Part.ScannedAt),
            [new GraphPass(), new SharedStorePass(), new MessagingPass(), new Assessment.AssessmentPass()],
            (pass, time) => phases.Add((pass, time)));
        estate = new Inventory
        {
            Tool = estate.Tool,
            Root = estate.Root,
            ScannedAt = estate.ScannedAt,
            Components = estate.Components,
            Excluded = estate.Excluded,

            // The estate's own findings (INV4005 on a store two repositories share) belong to their component's repository.
            Findings = [.. estate.Findings.Select(f => f.Repository is null ? f.CopyTo(f.Component, repositoryOf.GetValueOrDefault(f.Component), f.Fingerprint) : f)],
            Graph = estate.Graph,
            Messages = estate.Messages,
            Accepted = accepted,
            Messaging = estate.Messaging,
            Assessment = estate.Assessment,
            Hosts = estate.Hosts,
            Repositories = [.. parts.Select(p => new RepositoryPart(p.Repository, p.Part.Root, p.Part.Tool.Version, p.Part.ScannedAt, p.Part.Components.Count, p.Part.Findings.Count(f => f.RuleId != RuleIdentifiers.SharedDataStore)))],
        };
        return (estate, new MergeStats(read, cached) { Phases = phases });
    }

    /// <summary>
    /// One input, parsed, or taken from the cache when its content was parsed before. The cache holds the parsed part
    /// as written by this tool, under the input's hash, so a changed input never meets a stale part.
    /// </summary>
    private static Part Load(EstateInput input, string? cacheDirectory, out bool fromCache)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(input.Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EstateException($"{input.Path} cannot be read: {exception.Message}");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var cache = cacheDirectory is null ? null : System.IO.Path.Combine(cacheDirectory, hash + ".json");
        if (cache is not null && File.Exists(cache))
        {
            try
            {
                fromCache = true;
                return JsonSerializer.Deserialize<Part>(File.ReadAllBytes(cache), Options)!;
            }
            catch (JsonException)
            {
                // A cache file that cannot be read is parsed again from its input.
            }
        }

        fromCache = false;
        var part = Parse(bytes, input.Path);
        if (cache is not null)
        {
            Directory.CreateDirectory(cacheDirectory!);
            File.WriteAllBytes(cache, JsonSerializer.SerializeToUtf8Bytes(part, Options));
        }

        return part;
    }

    private static Part Parse(byte[] bytes, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || !root.TryGetProperty("findings", out _))
            {
                throw new EstateException($"{path} is not an inventory.json written by InventoryScanner (no schemaVersion and findings)");
            }

            if (version.GetInt32() != Inventory.CurrentSchemaVersion)
            {
                throw new EstateException($"{path} is an inventory of schema version {version.GetInt32()}; this InventoryScanner merges version {Inventory.CurrentSchemaVersion}: scan that repository again with this version");
            }

            // The estate's graph, messaging and assessment are made again; the input's own are not read.
            return root.Deserialize<Part>(Options)!;
        }
        catch (JsonException exception)
        {
            throw new EstateException($"{path} cannot be read as an inventory: {exception.Message.Split('\n')[0]}");
        }
    }

    /// <summary>What a merge reads of an <c>inventory.json</c> (and keeps in its cache): not its graph, messaging or assessment, which the estate makes again.</summary>
    private sealed class Part
    {
        public int SchemaVersion { get; init; }

        public ToolInfo Tool { get; init; } = new("InventoryScanner", "unknown");

        public string Root { get; init; } = string.Empty;

        public DateTimeOffset ScannedAt { get; init; }

        public List<Component> Components { get; init; } = [];

        public List<ExcludedProject> Excluded { get; init; } = [];

        public List<Finding> Findings { get; init; } = [];

        public List<string> Messages { get; init; } = [];

        public List<AcceptedSecret> Accepted { get; init; } = [];

        public PartAssessment? Assessment { get; init; }

        public Dictionary<string, string>? Hosts { get; init; }
    }

    private sealed class PartAssessment
    {
        public AssessmentSettings? Settings { get; init; }
    }

    /// <summary>Settings compared by value (their dictionaries too), so inputs assessed alike agree.</summary>
    private sealed class SettingsComparer : IEqualityComparer<AssessmentSettings?>
    {
        public static readonly SettingsComparer Instance = new();

        public bool Equals(AssessmentSettings? x, AssessmentSettings? y) =>
            JsonSerializer.Serialize(x ?? AssessmentSettings.Default, Options) == JsonSerializer.Serialize(y ?? AssessmentSettings.Default, Options);

        public int GetHashCode(AssessmentSettings? obj) => JsonSerializer.Serialize(obj ?? AssessmentSettings.Default, Options).GetHashCode(StringComparison.Ordinal);
    }
}

/// <summary>Inputs that cannot be merged: the message says which and why.</summary>
public sealed class EstateException(string message) : Exception(message);
