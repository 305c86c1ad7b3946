using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting.Exports;

/// <summary>
/// <c>inventory.csv</c>: one row per integration point (each call, channel end, data store and gateway route), for a
/// spreadsheet; RFC 4180 (CsvHelper): comma-separated, CRLF, fields with commas, quotes or line breaks quoted.
/// </summary>
public sealed class CsvWriter : IReportWriter
{
    public string FileName => "inventory.csv";

    public string Render(Inventory inventory)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvHelper.CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            csv.WriteHeader<Row>();
            csv.NextRecord();
            foreach (var finding in inventory.Findings.Where(IntegrationKinds.IsIntegrationPoint))
            {
                csv.WriteRecord(new Row(
                    finding.Repository ?? string.Empty,
                    finding.Component,
                    finding.Kind,
                    Direction(finding.Kind),
                    finding.Library,
                    finding.Target,
                    finding.Details?.GetValueOrDefault(Analyzers.FindingProperties.TargetSource) ?? string.Empty,
                    finding.Path,
                    finding.Line,
                    finding.Confidence,
                    finding.RuleId,
                    finding.Fingerprint,
                    finding.Owners is null ? string.Empty : string.Join(' ', finding.Owners)));
                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>Which way the data goes from the component's side: a consumer's messages come in; a store is read and written.</summary>
    public static string Direction(string kind) => kind switch
    {
        Analyzers.FindingKinds.QueueConsume => "inbound",
        _ when IntegrationKinds.DataStores.Contains(kind) && kind != Analyzers.FindingKinds.Smtp => "bi-directional",
        _ => "outbound",
    };

    public sealed record Row(
        string Repository,
        string Component,
        string Kind,
        string Direction,
        string Library,
        string Target,
        string TargetSource,
        string Path,
        int Line,
        string Confidence,
        string Rule,
        string Fingerprint,
        string Owners);
}
