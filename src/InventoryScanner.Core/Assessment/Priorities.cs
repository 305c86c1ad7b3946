using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Assessment;

/// <summary>
/// What to fix first, and what it costs (<c>docs/assessment.md</c>). Each failing criterion of a component becomes one
/// remediation with the findings behind it; its score is the weighted sum of four factors, each 0 to 1, higher is more
/// urgent: impact (the component's share of the estate's fan-in and of its integration points), ease of the change
/// (fewer sites), ease of its cost (fewer hours) and risk. Items with a credential outside development and test come
/// first whatever their score. Weights, hours per site, rate and pins come from <see cref="AssessmentSettings"/>.
/// </summary>
public static class Priorities
{
    /// <summary>A site count at which a change counts as fully complex, and hours at which it counts as fully costly.</summary>
    public const int ComplexSites = 10;
    public const double CostlyHours = 40;

    /// <summary>The remediation of each criterion: what to do, hours per site (finding), and its risk factor.</summary>
    public static IReadOnlyDictionary<string, (string Action, double HoursPerSite, double Risk)> Remediations { get; } = new Dictionary<string, (string, double, double)>(StringComparer.Ordinal)
    {
        ["R1"] = ("move hard-coded endpoints to configuration", 1, 0.3),
        ["R2"] = ("share one HttpClient or use IHttpClientFactory", 2, 0.5),
        ["R3"] = ("move credentials to a secret store", 2, 1.0),
        ["R4"] = ("catch handler failures and dead-letter what keeps failing", 4, 1.0),
        ["R5"] = ("dispose database connections (using)", 0.5, 0.5),
        ["R6"] = ("send mail over TLS (EnableSsl, SecureSocketOptions.StartTls)", 0.5, 0.6),
        ["D1"] = ("put HTTP calls behind typed clients", 2, 0.3),
        ["D2"] = ("move calls to the component's main client library", 2, 0.2),
        ["D3"] = ("give the shared store one owner and reach its data through that component's API or events", 16, 0.6),
        ["M1"] = ("add resilience (retry, timeout, circuit breaker) to outbound clients", 2, 0.5),
        ["M2"] = ("acknowledge manually and dead-letter consumer failures", 4, 0.7),
        ["M3"] = ("add health checks of the databases, brokers and services it depends on", 2, 0.4),
        ["M4"] = ("export traces and metrics (OpenTelemetry)", 4, 0.3),
        ["M5"] = ("authenticate outbound calls (a token handler or a managed identity)", 2, 0.6),
        ["M6"] = ("retry transient database failures (EnableRetryOnFailure or a retry policy)", 1, 0.5),
        ["M7"] = ("version the schema with migrations (dotnet ef migrations add, applied by a migration job)", 4, 0.4),
    };

    /// <summary>Remediations done once per component: their hours are not multiplied by the findings behind the verdict.</summary>
    public static readonly HashSet<string> PerComponent = new(StringComparer.Ordinal) { "M4" };

    public static IReadOnlyList<PriorityItem> Of(IReadOnlyList<ComponentMaturity> components, IReadOnlyList<Finding> findings, GraphModel graph, AssessmentSettings settings, Gateways? gateways = null)
    {
        var weights = settings.Weights;
        var sum = weights.Impact + weights.Complexity + weights.Cost + weights.Risk;
        var (wImpact, wComplexity, wCost, wRisk) = sum <= 0 ? (0.40, 0.30, 0.20, 0.10) : (weights.Impact / sum, weights.Complexity / sum, weights.Cost / sum, weights.Risk / sum);
        var byFingerprint = findings.GroupBy(f => f.Fingerprint).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var fanIn = components.ToDictionary(c => c.Component, c => graph.Nodes.FirstOrDefault(n => n.Id == "component:" + c.Component)?.FanIn ?? 0, StringComparer.Ordinal);
        var maxFanIn = Math.Max(1, fanIn.Values.DefaultIfEmpty(0).Max());
        var maxPoints = Math.Max(1, components.Select(c => c.IntegrationPoints).DefaultIfEmpty(0).Max());
        var items = new List<PriorityItem>();
        foreach (var component in components)
        {
            foreach (var verdict in component.Criteria.Where(v => v.Verdict == Verdicts.Fail && Remediations.ContainsKey(v.Id)))
            {
                var (action, defaultHours, risk) = Remediations[verdict.Id];
                var hoursPerSite = settings.HoursPerSite.TryGetValue(verdict.Id, out var configured) ? configured : defaultHours;
                // Telemetry is wired once per component, whatever number of integrations it then traces.
                var sites = PerComponent.Contains(verdict.Id) ? 1 : Math.Max(1, verdict.Findings.Count);
                var hours = sites * hoursPerSite;
                var impact = (0.5 * fanIn[component.Component] / maxFanIn) + (0.5 * component.IntegrationPoints / maxPoints);
                var complexityEase = 1 - Math.Min(1.0, (double)sites / ComplexSites);
                var costEase = 1 - Math.Min(1.0, hours / CostlyHours);
                var score = (wImpact * impact) + (wComplexity * complexityEase) + (wCost * costEase) + (wRisk * risk);
                var production = verdict.Id == "R3" && verdict.Findings.Any(f => byFingerprint.TryGetValue(f, out var secret) && IsProductionSecret(secret));
                var why = $"{component.Component}: {verdict.Note}; impact {impact:0.00} (fan-in {fanIn[component.Component]}, {component.IntegrationPoints} integration points), {sites} site(s), {hours:0.#} h, risk {risk:0.0}"
                    + (production ? "; a credential outside development and test, so it comes first" : string.Empty);
                items.Add(new PriorityItem(0, component.Component, verdict.Id, action, Math.Round(score * 100, 1), production, Math.Round(impact, 3), Math.Round(complexityEase, 3), Math.Round(costEase, 3), risk, sites, hours, why, verdict.Findings));
            }
        }

        items.AddRange(SharedTargets(graph, components.Count, settings, (wImpact, wComplexity, wCost, wRisk), gateways ?? Gateways.Of(graph, findings)));

        int PinOf(PriorityItem item)
        {
            var index = settings.Pin.ToList().IndexOf(item.Component + ":" + item.Criterion);
            return index < 0 ? int.MaxValue : index;
        }

        return items
            .OrderByDescending(i => i.ProductionSecret)
            .ThenBy(PinOf)
            .ThenByDescending(i => i.Score)
            .ThenBy(i => i.Component, StringComparer.Ordinal)
            .ThenBy(i => i.Criterion, StringComparer.Ordinal)
            .Select((item, index) => item with { Rank = index + 1 })
            .ToList();
    }

    /// <summary>The criterion id of the estate-level remediation: one external system called directly by several components.</summary>
    public const string SharedTarget = "S1";

    /// <summary>Hours per caller of putting a gateway or broker between a shared target and its callers, and its risk factor.</summary>
    public const double SharedTargetHoursPerCaller = 6;
    public const double SharedTargetRisk = 0.4;

    /// <summary>
    /// An external system that two or more components call directly (HTTP, gRPC, SOAP, SignalR): each caller carries its
    /// own client, address, credentials and retry policy for it. One item per such system, whose sites are its callers:
    /// introduce a gateway (or, for work that need not answer at once, a broker) in front of it. Impact is the share of
    /// the estate's components that call it.
    /// </summary>
    private static IEnumerable<PriorityItem> SharedTargets(GraphModel graph, int componentCount, AssessmentSettings settings, (double Impact, double Complexity, double Cost, double Risk) w, Gateways gateways)
    {
        var hoursPerCaller = settings.HoursPerSite.TryGetValue(SharedTarget, out var configured) ? configured : SharedTargetHoursPerCaller;
        // A gateway called by many is the remedy itself, not the problem.
        foreach (var target in graph.Nodes.Where(n => n.Type == InventoryGraph.ExternalNode && n.Id != "external:" + TargetSources.Unresolved + "-http" && !gateways.Contains(n.Id)).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var edges = graph.Edges.Where(e => e.To == target.Id && Sprawl.DirectKinds.Contains(e.Kind) && e.From.StartsWith("component:", StringComparison.Ordinal)).ToList();
            var callers = edges.Select(e => e.From["component:".Length..]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (callers.Count < 2)
            {
                continue;
            }

            var hours = callers.Count * hoursPerCaller;
            var impact = Math.Min(1.0, (double)callers.Count / Math.Max(1, componentCount));
            var complexityEase = 1 - Math.Min(1.0, (double)callers.Count / ComplexSites);
            var costEase = 1 - Math.Min(1.0, hours / CostlyHours);
            var score = (w.Impact * impact) + (w.Complexity * complexityEase) + (w.Cost * costEase) + (w.Risk * SharedTargetRisk);
            var why = $"{target.Label} is called directly by {callers.Count} components ({string.Join(", ", callers)}), each with its own client; impact {impact:0.00} ({callers.Count} of {componentCount} components), {callers.Count} site(s), {hours:0.#} h, risk {SharedTargetRisk:0.0}";
            yield return new PriorityItem(
                0,
                string.Join(", ", callers),
                SharedTarget,
                $"introduce a gateway or broker in front of {target.Label} for its {callers.Count} callers",
                Math.Round(score * 100, 1),
                false,
                Math.Round(impact, 3),
                Math.Round(complexityEase, 3),
                Math.Round(costEase, 3),
                SharedTargetRisk,
                callers.Count,
                hours,
                why,
                [.. edges.SelectMany(e => e.Findings).Distinct(StringComparer.Ordinal)]);
        }
    }

    /// <summary>A credential whose file says nothing of a development or test environment (and not in a test project).</summary>
    public static bool IsProductionSecret(Finding secret) =>
        !secret.IsTestOnly
        && !(secret.Details?.TryGetValue(FindingProperties.Environment, out var environment) == true
             && (environment.Equals("Development", StringComparison.OrdinalIgnoreCase) || environment.Equals("Test", StringComparison.OrdinalIgnoreCase) || environment.Equals("Local", StringComparison.OrdinalIgnoreCase)));

    public static EffortModel Effort(IReadOnlyList<PriorityItem> items, GraphModel graph, AssessmentSettings settings, Gateways? gateways = null)
    {
        var hours = items.Sum(i => i.Hours);
        var edges = graph.Edges.Count(e => Sprawl.DirectKinds.Contains(e.Kind) && gateways?.IsCallToGateway(e) != true);
        var upkeep = edges * settings.UpkeepHoursPerEdgePerYear;
        var perSite = Remediations.Select(r => $"{r.Key} {(settings.HoursPerSite.TryGetValue(r.Key, out var h) ? h : r.Value.HoursPerSite):0.#} h")
            .Append($"{SharedTarget} {(settings.HoursPerSite.TryGetValue(SharedTarget, out var shared) ? shared : SharedTargetHoursPerCaller):0.#} h per caller");
        return new EffortModel(
            hours,
            settings.HourlyRate,
            settings.Currency,
            hours * settings.HourlyRate,
            edges,
            settings.UpkeepHoursPerEdgePerYear,
            upkeep,
            upkeep * settings.HourlyRate,
            $"hours per site: {string.Join(", ", perSite)}; {settings.HourlyRate:0.##} {settings.Currency} an hour; {settings.UpkeepHoursPerEdgePerYear:0.#} h a year to keep each point-to-point edge working");
    }

    /// <summary>The return on the components a team says cost it manual hours each week (see <see cref="RoiItem"/>).</summary>
    public static IReadOnlyList<RoiItem> Roi(IReadOnlyList<PriorityItem> items, AssessmentSettings settings) =>
        settings.ManualHoursPerWeek
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p =>
            {
                var annual = p.Value * 52 * settings.HourlyRate;
                var cost = items.Where(i => i.Component == p.Key).Sum(i => i.Hours) * settings.HourlyRate;
                double? roi = cost > 0 ? Math.Round((annual - cost) / cost * 100, 1) : null;
                double? payback = annual > 0 && cost > 0 ? Math.Round(cost / (annual / 12), 1) : null;
                var formula = $"annual labour = {p.Value:0.##} h/week × 52 × {settings.HourlyRate:0.##} = {annual:0.##}; one-off cost = its priorities' hours × rate = {cost:0.##}; "
                    + (roi is null ? "no priority of this component to pay for" : $"net ROI = ({annual:0.##} − {cost:0.##}) / {cost:0.##} × 100 = {roi:0.#}%; payback = {cost:0.##} / ({annual:0.##} / 12) = {payback:0.#} months");
                return new RoiItem(p.Key, p.Value, annual, cost, roi, payback, formula);
            })
            .ToList();
}
