using System.Globalization;
using InventoryScanner.Core.History;

namespace InventoryScanner.Reporting;

/// <summary>
/// The HTML report's trend: one small line chart per measure over the recorded scans (oldest left), as SVG polyline
/// points computed here, so the template only draws them and the report stays one offline file with no script.
/// </summary>
public sealed record TrendView(int Scans, IReadOnlyList<TrendSeries> Series, IReadOnlyList<TrendPoint> Points)
{
    public const int Width = 320;
    public const int Height = 90;
    private const int Margin = 6;

    public static TrendView Of(IReadOnlyList<RecordedScan> scans)
    {
        var series = new List<TrendSeries>
        {
            Line("Sprawl index", scans, s => s.SprawlIndex, fixedMaximum: 100),
            Line("Estate maturity level", scans, s => s.EstateMaturity, fixedMaximum: 5),
            Line("Integration points", scans, s => s.Integrations),
            Line("Hard-coded secrets", scans, s => s.Secrets),
        };
        var points = scans.Select(s => new TrendPoint(
            s.ScannedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            s.Commit is null ? "(no commit)" : s.Commit[..Math.Min(10, s.Commit.Length)],
            s.Integrations,
            s.Secrets,
            s.EstateMaturity,
            s.SprawlIndex)).ToList();
        return new TrendView(scans.Count, series, points);
    }

    private static TrendSeries Line(string title, IReadOnlyList<RecordedScan> scans, Func<RecordedScan, int?> value, int? fixedMaximum = null)
    {
        var values = scans.Select(value).ToList();
        var known = values.OfType<int>().ToList();
        var maximum = Math.Max(1, fixedMaximum ?? (known.Count == 0 ? 1 : known.Max()));
        var step = scans.Count > 1 ? (Width - 2.0 * Margin) / (scans.Count - 1) : 0;
        var points = values
            .Select((v, i) => v is null ? null : string.Create(CultureInfo.InvariantCulture, $"{Margin + (step * i):0.#},{Height - Margin - ((Height - 2.0 * Margin) * v.Value / maximum):0.#}"))
            .OfType<string>();
        var last = known.Count == 0 ? "-" : known[^1].ToString(CultureInfo.InvariantCulture);
        var first = known.Count == 0 ? "-" : known[0].ToString(CultureInfo.InvariantCulture);
        return new TrendSeries(title, string.Join(' ', points), first, last, maximum);
    }
}

/// <summary>One measure's line: its points, first and last values, and the top of its scale.</summary>
public sealed record TrendSeries(string Title, string Points, string First, string Last, int Maximum);

/// <summary>One recorded scan, for the table under the charts.</summary>
public sealed record TrendPoint(string Date, string Commit, int Integrations, int Secrets, int? Maturity, int? Sprawl);
