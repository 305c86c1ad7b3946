namespace InventoryScanner.Core.Model;

/// <summary>
/// The assessment's knobs, from the <c>assessment</c> section of the scan root's settings file; every one has a built-in
/// default. Weights are normalised by their sum, so only their proportions matter.
/// </summary>
public sealed record AssessmentSettings
{
    public static readonly AssessmentSettings Default = new();

    public PriorityWeights Weights { get; init; } = new();

    public double HourlyRate { get; init; } = 100;

    public string Currency { get; init; } = "EUR";

    /// <summary>Hours per site of a remediation, by criterion id (R1, R3, M1, …); the others keep their defaults.</summary>
    public IReadOnlyDictionary<string, double> HoursPerSite { get; init; } = new Dictionary<string, double>();

    public double UpkeepHoursPerEdgePerYear { get; init; } = 8;

    /// <summary>Manual work a team spends on a component's integrations each week, by component name: the ROI's savings.</summary>
    public IReadOnlyDictionary<string, double> ManualHoursPerWeek { get; init; } = new Dictionary<string, double>();

    /// <summary><c>Component:Criterion</c> items to list first (after production secrets), in this order.</summary>
    public IReadOnlyList<string> Pin { get; init; } = [];
}

/// <summary>The four factors of a priority score (defaults 40/30/20/10).</summary>
public sealed record PriorityWeights
{
    public double Impact { get; init; } = 0.40;

    public double Complexity { get; init; } = 0.30;

    public double Cost { get; init; } = 0.20;

    public double Risk { get; init; } = 0.10;
}

/// <summary>
/// The return on fixing a component whose integrations cost a team manual work: <c>annualLabour = hours/week × 52 ×
/// rate</c>, <c>netRoiPercent = (annualLabour − oneOffCost) / oneOffCost × 100</c>, <c>paybackMonths = oneOffCost /
/// (annualLabour / 12)</c>, where the one-off cost is the hours of the component's priorities × rate.
/// </summary>
public sealed record RoiItem(string Component, double ManualHoursPerWeek, double AnnualLabour, double OneOffCost, double? NetRoiPercent, double? PaybackMonths, string Formula);
