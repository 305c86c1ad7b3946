namespace InventoryScanner.Core.Model;

/// <summary>
/// What the inventory means for the estate (<c>inventory.json</c> <c>assessment</c>): the maturity level of each component
/// and of the estate, each criterion's verdict with its evidence, the integration style, and the sprawl index with its
/// parts. Every formula is in <c>docs/assessment.md</c>.
/// </summary>
public sealed record AssessmentModel(MaturityModel Maturity, StyleModel Style, SprawlModel Sprawl)
{
    /// <summary>The settings it was made with (the settings file's <c>assessment</c>, or the defaults): an estate merge assesses with them again.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AssessmentSettings? Settings { get; init; }

    /// <summary>What to fix first: one item per failing criterion of a component, ranked.</summary>
    public IReadOnlyList<PriorityItem> Priorities { get; init; } = [];

    /// <summary>What the priorities cost, and what the point-to-point edges cost to keep each year.</summary>
    public EffortModel? Effort { get; init; }

    /// <summary>The return on fixing each component for which the settings give manual hours per week.</summary>
    public IReadOnlyList<RoiItem> Roi { get; init; } = [];
}

/// <summary>
/// <c>cost = hours × rate</c> over every priority item; <c>upkeep = direct edges × hours per edge per year × rate</c>, with
/// the assumptions beside the figures.
/// </summary>
public sealed record EffortModel(double Hours, double HourlyRate, string Currency, double Cost, int PointToPointEdges, double UpkeepHoursPerEdgePerYear, double YearlyUpkeepHours, double YearlyUpkeepCost, string Assumptions);

/// <summary>
/// A remediation: the criterion it fixes in a component, the action, the score (0–100) and each factor (0–1), whether a
/// production credential puts it first, its sites (findings) and hours, a one-line explanation and the findings.
/// </summary>
public sealed record PriorityItem(
    int Rank,
    string Component,
    string Criterion,
    string Action,
    double Score,
    bool ProductionSecret,
    double Impact,
    double ComplexityEase,
    double CostEase,
    double Risk,
    int Sites,
    double Hours,
    string Why,
    IReadOnlyList<string> Findings);

/// <summary>The estate's level by the documented rule, how many components are at each level, and each component's scorecard.</summary>
public sealed record MaturityModel(EstateLevel Estate, IReadOnlyDictionary<string, int> Distribution, IReadOnlyList<ComponentMaturity> Components);

/// <summary>A level (1 to 5), its name, and why: the components that decide it.</summary>
public sealed record EstateLevel(int Level, string Name, string Reason, IReadOnlyList<string> Components);

/// <summary>A component's level: the highest whose criteria, and those of every level below, pass or do not apply.</summary>
public sealed record ComponentMaturity(string Component, int Level, string Name, int IntegrationPoints, IReadOnlyList<CriterionVerdict> Criteria);

/// <summary>
/// One criterion for one component: <c>pass</c>, <c>fail</c>, <c>not-applicable</c>, or <c>unknown</c> (the scan does not
/// collect the fact it needs; the level it belongs to is then not reached), with the findings behind the verdict.
/// </summary>
public sealed record CriterionVerdict(string Id, int Level, string Title, string Verdict, string Note, IReadOnlyList<string> Findings);

/// <summary>Values of <see cref="CriterionVerdict.Verdict"/>.</summary>
public static class Verdicts
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotApplicable = "not-applicable";
    public const string Unknown = "unknown";
}

/// <summary>
/// Integration style of each component and of the estate: <c>point-to-point</c>, <c>broker-mediated</c>,
/// <c>gateway-mediated</c> (gateway / API-first), <c>gateway</c> (a component that is the gateway), or <c>none</c>.
/// </summary>
public sealed record StyleModel(string Estate, string Reason, IReadOnlyList<ComponentStyle> Components);

public sealed record ComponentStyle(string Component, string Style, int DirectEdges, int BrokerEdges, IReadOnlyList<string> Findings)
{
    /// <summary>Calls to an API gateway (a component hosting one, or a managed gateway's address): mediated, not direct.</summary>
    public int GatewayEdges { get; init; }
}

/// <summary>The sprawl index (0–100, higher is worse) of the estate and of each component, with its parts.</summary>
public sealed record SprawlModel(SprawlIndex Estate, IReadOnlyList<ComponentSprawl> Components);

public sealed record ComponentSprawl(string Component, SprawlIndex Index);

/// <summary>An index, its band (contained, emerging, sprawling, tangled), and each weighted part that makes it.</summary>
public sealed record SprawlIndex(int Index, string Band, IReadOnlyList<SprawlPart> Parts);

/// <summary>One part: <c>value = numerator / denominator</c> (0 when the denominator is 0), its weight, and <c>contribution = 100 × weight × value</c>.</summary>
public sealed record SprawlPart(string Name, double Value, double Weight, double Contribution, int Numerator, int Denominator, IReadOnlyList<string> Findings);
