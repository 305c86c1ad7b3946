using System.Text.Json.Serialization;

namespace InventoryScanner.Core.Model;

/// <summary>The root of <c>inventory.json</c> (schema version 1). Property names are the documented contract.</summary>
public sealed class Inventory
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required ToolInfo Tool { get; init; }

    /// <summary>The path the scan was given, as given.</summary>
    public required string Root { get; init; }

    public DateTimeOffset ScannedAt { get; init; }

    public required IReadOnlyList<Component> Components { get; init; }

    /// <summary>Projects found but left out of the inventory (test projects without <c>--include-tests</c>).</summary>
    public required IReadOnlyList<ExcludedProject> Excluded { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required GraphModel Graph { get; init; }

    /// <summary>Scan-level messages: inputs that could not be read, projects listed but missing.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Secrets the allowlist file accepts, with its reasons: left out of <see cref="Findings"/>, listed here.</summary>
    public IReadOnlyList<AcceptedSecret> Accepted { get; init; } = [];

    /// <summary>Every publisher and consumer with its reliability facts and risks, each fact naming its findings.</summary>
    public IReadOnlyList<MessagingEndpoint> Messaging { get; init; } = [];

    /// <summary>The .NET SDK the scan ran MSBuild from, and each global.json pin it had to step around.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SdkReport? Sdk { get; init; }

    /// <summary>Maturity, integration style and sprawl, each pointing at the findings behind it (docs/assessment.md).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AssessmentModel? Assessment { get; init; }

    /// <summary>The settings file's host map (a host the code calls, by the component serving it), as the graph used it; null without one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Hosts { get; init; }

    /// <summary>The repositories of an estate merged from several (<c>inventory merge</c>); null for one scan.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RepositoryPart>? Repositories { get; init; }

    /// <summary>The recorded scans of <c>--history</c>, this one last, for the reports' trend; not part of inventory.json.</summary>
    [JsonIgnore]
    public IReadOnlyList<History.RecordedScan>? History { get; set; }

    /// <summary>The CODEOWNERS file owners come from, relative to the repository root; null when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OwnersFile { get; init; }

    /// <summary>The scan against <c>--baseline</c>: how many findings are new, known, and gone; null without a baseline.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BaselineSummary? Baseline { get; set; }
}

/// <summary>A repository of an estate: its name, the root its scan was given, the tool, when, and how much it holds.</summary>
public sealed record RepositoryPart(string Name, string Root, string ToolVersion, DateTimeOffset ScannedAt, int Components, int Findings);

/// <summary>
/// The scan compared with a baseline (<c>--baseline</c>): the baseline file as given, the findings that are new (each
/// marked <c>baseline: new</c>) and known (<c>known</c>), and the baseline's findings this scan no longer has.
/// </summary>
public sealed record BaselineSummary(string File, int New, int Known, int Gone);

/// <summary>
/// The SDK whose MSBuild the scan used (<see cref="Version"/>), and every global.json whose pin no installed SDK
/// satisfies, or that is not valid JSON, with the SDK used in its place.
/// </summary>
public sealed record SdkReport(string Version, IReadOnlyList<SdkSubstitution> Substitutions);

/// <summary>A global.json (relative to the scan root) the scan could not honour: what it asks for, what was used, why.</summary>
public sealed record SdkSubstitution(string GlobalJson, string? Requested, string Used, string Reason);

/// <summary>
/// One end of a channel: a publisher or a consumer (<see cref="Role"/>) of <see cref="Channel"/>, the finding that found
/// it, what is known of its reliability, and the risks that follow.
/// </summary>
public sealed record MessagingEndpoint(string Component, string Role, string Library, string Channel, string Finding, IReadOnlyList<ReliabilityFact> Facts, IReadOnlyList<string> Risks);

/// <summary>A reliability fact (<c>errorHandling: none</c>, <c>deadLetter: configured</c>) and the fingerprints of the findings that say so.</summary>
public sealed record ReliabilityFact(string Name, string Value, IReadOnlyList<string> Findings);

/// <summary>A secret finding the allowlist accepts: where it is, which entry matched it, and why it may stay.</summary>
public sealed record AcceptedSecret(string Fingerprint, string Component, string Path, int Line, string Target, string Reason)
{
    /// <summary>The rule that found it.</summary>
    public string? RuleId { get; init; }

    public int Column { get; init; }

    /// <summary>Who accepted it: <c>allowlist</c> (the scan root's allowlist file) or <c>code</c> (a suppression in the source).</summary>
    public string AcceptedBy { get; init; } = Allowlisted;

    public const string Allowlisted = "allowlist";

    public const string SuppressedInCode = "code";
}

public sealed record ToolInfo(string Name, string Version)
{
    /// <summary>This tool, as every inventory it writes records it.</summary>
    public static ToolInfo Current { get; } = new(
        "InventoryScanner",
        System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(ToolInfo).Assembly)?.InformationalVersion.Split('+')[0] ?? "0.0.0");
}

public sealed class Component
{
    public required string Name { get; init; }

    /// <summary>Project file relative to the scan root, with <c>/</c> separators.</summary>
    public required string Project { get; init; }

    /// <summary>How far the project could be analysed: <see cref="AnalysisLevel"/>.</summary>
    public required string Analysis { get; init; }

    public bool IsTest { get; init; }

    /// <summary>The repository it comes from, in an estate merged from several (<c>inventory merge</c>); null in one scan.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Repository { get; init; }

    /// <summary>The same component as an estate knows it: in its repository, under the estate's name for it.</summary>
    public Component In(string repository, string name) => new()
    {
        Name = name,
        Project = Project,
        Analysis = Analysis,
        IsTest = IsTest,
        Repository = repository,
        Owners = Owners,
        Messages = Messages,
        LoadDiagnostics = LoadDiagnostics,
        FilesAnalyzed = FilesAnalyzed,
        FilesTotal = FilesTotal,
        LaunchUrls = LaunchUrls,
    };

    /// <summary>Its owners by the repository's CODEOWNERS (for its project file); null when the repository has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Owners { get; set; }

    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>
    /// MSBuild's other messages while loading the project (a substituted package version, a source-link remote): kept
    /// for the record, without making the analysis partial.
    /// </summary>
    public IReadOnlyList<string> LoadDiagnostics { get; init; } = [];

    /// <summary>Source files analysed semantically (after the pre-filter) and in all.</summary>
    public int FilesAnalyzed { get; init; }

    public int FilesTotal { get; init; }

    /// <summary>
    /// The origins the project serves on when run locally (<c>Properties/launchSettings.json</c> applicationUrl):
    /// a call to one of them from another component is a call to this one.
    /// </summary>
    public IReadOnlyList<string> LaunchUrls { get; init; } = [];
}

/// <summary>Values of <see cref="Component.Analysis"/>.</summary>
public static class AnalysisLevel
{
    /// <summary>Loaded by MSBuild with every reference resolved.</summary>
    public const string Semantic = "semantic";

    /// <summary>Loaded, but some references (packages, projects, assemblies) did not resolve.</summary>
    public const string Partial = "partial";

    /// <summary>MSBuild could not load the project; its source files were analysed against the framework alone.</summary>
    public const string Syntax = "syntax";

    /// <summary>Nothing of the project could be analysed.</summary>
    public const string Failed = "failed";

    /// <summary>Configuration and deployment files outside every project (docker-compose, Kubernetes, .env), read as text.</summary>
    public const string Files = "files";
}

public sealed record ExcludedProject(string Name, string Project, string Reason);

public sealed class Finding
{
    public required string RuleId { get; init; }

    public required string Kind { get; init; }

    public required string Library { get; init; }

    public required string Component { get; set; }

    public required string Target { get; set; }

    public required string Path { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>A short snippet of the code; for secrets, redacted evidence only.</summary>
    public required string Evidence { get; init; }

    public required string Confidence { get; init; }

    public string? ConfidenceReason { get; init; }

    /// <summary>Effective severity: hidden, info, warning or error (after .editorconfig).</summary>
    public required string Severity { get; init; }

    public required string Message { get; set; }

    public string Fingerprint { get; set; } = "";

    /// <summary>The repository its file is in, in an estate merged from several (<c>inventory merge</c>); null in one scan.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Repository { get; init; }

    /// <summary>Its owners by the repository's CODEOWNERS (for its file; empty when no line owns it); null when the repository has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Owners { get; set; }

    /// <summary>Against <c>--baseline</c>: <c>new</c> (not in the baseline) or <c>known</c>; null without a baseline.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Baseline { get; set; }

    /// <summary>Rule-specific facts: httpMethod, exchange, routingKey, queue, targetSource, expression, secretKind.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Details { get; set; }

    /// <summary>The details as one line (<c>httpMethod=GET, targetSource=literal</c>), for reports.</summary>
    [JsonIgnore]
    public string DetailsText => Details is null ? string.Empty : string.Join(", ", Details.Select(pair => pair.Key + "=" + pair.Value));

    /// <summary>A secret found in a test project (scanned with --include-tests): a test double, kept apart from production risk.</summary>
    public bool IsTestOnly => Details is not null && Details.TryGetValue(TestScope.Key, out var scope) && scope == TestScope.Test;

    /// <summary>How the code suppresses this secret (a pragma or [SuppressMessage]); such a secret is listed as accepted.</summary>
    [JsonIgnore]
    public string? SuppressedBy { get; set; }

    /// <summary>The same finding in another component and repository, under another fingerprint (an estate's merge).</summary>
    public Finding CopyTo(string component, string? repository, string fingerprint) => new()
    {
        RuleId = RuleId,
        Kind = Kind,
        Library = Library,
        Component = component,
        Repository = repository,
        Target = Target,
        Path = Path,
        Line = Line,
        Column = Column,
        Evidence = Evidence,
        Confidence = Confidence,
        ConfidenceReason = ConfidenceReason,
        Severity = Severity,
        Message = Message,
        Fingerprint = fingerprint,
        Details = Details,
        Owners = Owners,
        Baseline = Baseline,
        Symbol = Symbol,
        ValueHash = ValueHash,
    };

    /// <summary>Containing symbol's documentation ID (or <c>config:file:key</c>); an input of the fingerprint, kept so a merge can make it again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Symbol { get; init; }

    /// <summary>
    /// A secret's value hashed with the repository's salt (never the value): the same value has the same hash wherever it
    /// appears in the repository, so an allowlist entry can accept it everywhere. An input of the fingerprint.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ValueHash { get; init; }
}

public sealed class GraphModel
{
    public required IReadOnlyList<GraphNodeModel> Nodes { get; init; }

    public required IReadOnlyList<GraphEdgeModel> Edges { get; init; }

    /// <summary>Groups of nodes that reach each other (strongly connected components of more than one node).</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Cycles { get; init; }

    /// <summary>
    /// Channels with publishers and no consumer in the scan, or consumers and no publisher: either the other side lives
    /// outside the scanned code, or nobody is on it.
    /// </summary>
    public IReadOnlyList<OrphanChannel> Orphans { get; init; } = [];

    /// <summary>
    /// Databases, caches, object stores and mail services that two or more components reach: an integration through a
    /// shared store, the tightest coupling an estate has (one schema change breaks every one of them).
    /// </summary>
    public IReadOnlyList<SharedStore> SharedStores { get; init; } = [];
}

/// <summary>A store (<c>store:sqlserver:sql-prod/orders</c>) reached from several components, with the findings of each.</summary>
public sealed record SharedStore(string Store, string Label, IReadOnlyList<string> Components, IReadOnlyList<string> Findings);

/// <summary>A channel only one side of which the scan found: <c>no-consumer</c> or <c>no-publisher</c>, with its findings.</summary>
public sealed record OrphanChannel(string Channel, string Label, string Missing, IReadOnlyList<string> Components, IReadOnlyList<string> Findings);

public sealed record GraphNodeModel(string Id, string Type, string Label, int FanIn, int FanOut);

public sealed record GraphEdgeModel(string From, string To, string Kind, IReadOnlyList<string> Findings);

/// <summary>The detail that marks a finding of a test project: <c>scope: test</c>.</summary>
public static class TestScope
{
    public const string Key = "scope";

    public const string Test = "test";
}
