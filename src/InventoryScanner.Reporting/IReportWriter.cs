using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting;

public interface IReportWriter
{
    string FileName { get; }

    string Render(Inventory inventory);
}

/// <summary>One writer per output format.</summary>
public static class ReportWriterFactory
{
    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Formats = ["json", "html", "md", "sarif", "baseline", "csv", "dot", "graphml", "backstage", "structurizr", "cyclonedx"];

    /// <summary>What a scan writes when no format is asked for.</summary>
    public static readonly IReadOnlyList<string> DefaultFormats = ["json", "html", "md"];

    public static IReportWriter Create(string format, TemplateSource templates, SarifFacts sarifFacts = SarifFacts.Note) => format switch
    {
        "json" => new JsonReportWriter(),
        "sarif" => new SarifReportWriter(sarifFacts),
        "baseline" => new BaselineReportWriter(),
        "csv" => new Exports.CsvWriter(),
        "dot" => new Exports.DotWriter(),
        "graphml" => new Exports.GraphMlWriter(),
        "backstage" => new Exports.BackstageWriter(),
        "structurizr" => new Exports.StructurizrWriter(),
        "cyclonedx" => new Exports.CycloneDxWriter(),
        "html" => new TemplateReportWriter("report.html", "report.html.scriban", templates),
        "md" => new TemplateReportWriter("report.md", "report.md.scriban", templates),
        _ => throw new ArgumentException($"unknown report format '{format}'; expected one of: {string.Join(", ", Formats)}", nameof(format)),
    };

    /// <summary>Renders every format, then writes them all atomically into <paramref name="directory"/>: all replaced, or none.</summary>
    public static IReadOnlyList<string> WriteAll(Inventory inventory, string directory, IEnumerable<string> formats, TemplateSource templates, SarifFacts sarifFacts = SarifFacts.Note)
    {
        // Render everything first: a template error must not leave a half-updated report folder behind.
        var rendered = formats.Select(format => Create(format, templates, sarifFacts)).Select(writer => (writer.FileName, Content: writer.Render(inventory))).ToList();
        Directory.CreateDirectory(directory);
        var files = rendered.Select(r => (Path.Combine(directory, r.FileName), r.Content)).ToList();
        AtomicFile.WriteAll(files);
        return files.Select(f => f.Item1).ToList();
    }
}
