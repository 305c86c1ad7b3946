using System.Diagnostics;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.History;
using InventoryScanner.Core.Model;
using InventoryScanner.Reporting;
using Microsoft.Data.Sqlite;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

/// <summary>The scan history: what a record holds, schema migration, concurrent writers, a writer that dies.</summary>
public sealed class HistoryStoreTests
{
    private static string NewStore() => Path.Combine(Directory.CreateTempSubdirectory("inventory-history-").FullName, ".inventory", "history.db");

    private static Inventory Estate(int calls)
    {
        var findings = Enumerable.Range(1, calls).Select(i => Finding("Orders", FindingKinds.HttpClient, $"https://partner{i}.example.com/api", line: i * 10)).ToList();
        findings.Add(Finding("Billing", FindingKinds.Secret, "password", ruleId: RuleIdentifiers.HardcodedCredential, line: 5));
        return Inventory([Component("Orders"), Component("Billing")], findings);
    }

    [Fact]
    public void RecordedScan_ShouldHoldItsCommitCountsScoresAndFingerprints()
    {
        using var store = HistoryStore.Open(NewStore());
        var first = Estate(calls: 2);
        var second = Estate(calls: 3);

        store.Record(first, "0123456789abcdef0123456789abcdef01234567", "main", new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var id = store.Record(second, "fedcba9876543210fedcba9876543210fedcba98", "main", new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));

        var scans = store.Scans();
        Assert.Equal(2, scans.Count);
        var last = scans[^1];
        Assert.Equal((id, "fedcba9876543210fedcba9876543210fedcba98", "main", 2, 4, 3, 1), (last.Id, last.Commit, last.Branch, last.Components, last.Findings, last.Integrations, last.Secrets));
        Assert.Equal(3, last.Kinds[FindingKinds.HttpClient]);
        Assert.Equal(second.Assessment!.Sprawl.Estate.Index, last.SprawlIndex);
        Assert.Equal(second.Assessment.Maturity.Components.Single(c => c.Component == "Orders").Level, last.ComponentScores["Orders"].Maturity);
        Assert.Equal(second.Assessment.Priorities.Sum(p => p.Hours), last.PriorityHours);
        Assert.Equal(second.Findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal), store.Fingerprints(id));
        Assert.Equal("ok", store.IntegrityCheck());

        var table = TrendWriter.Render(scans, "table");
        Assert.Contains("fedcba9876 main", table, StringComparison.Ordinal);
        Assert.Contains("3 (+1)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreOfAnOlderSchema_ShouldBeMigratedForward_KeepingItsScans()
    {
        var path = NewStore();
        using (var old = HistoryStore.Open(path, upToVersion: 1))
        {
            Assert.Equal(1, old.Version);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO scans (commit_sha, scanned_at, tool_version, findings, integrations, secrets, estate_maturity, sprawl_index) VALUES ('abc', '2025-06-01T08:00:00Z', '0.0.9', 7, 5, 1, 2, 40)";
            insert.ExecuteNonQuery();
        }

        using var store = HistoryStore.Open(path);

        Assert.Equal(HistoryStore.CurrentVersion, store.Version);
        var scan = Assert.Single(store.Scans());
        Assert.Equal(("abc", (string?)null, 7, 40, 0.0), (scan.Commit, scan.Branch, scan.Findings, scan.SprawlIndex, scan.PriorityHours));
        store.Record(Estate(calls: 1), null, null, DateTimeOffset.UtcNow);
        Assert.Equal(2, store.Scans().Count);
    }

    [Fact]
    public void StoreOfANewerSchema_ShouldBeRefusedWithAClearMessage()
    {
        var path = NewStore();
        HistoryStore.Open(path).Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var exception = Assert.Throws<HistoryException>(() => HistoryStore.Open(path));
        Assert.Contains("newer InventoryScanner", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentWriters_ShouldEachRecordEveryScan()
    {
        var path = NewStore();
        var inventory = Estate(calls: 25);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 5; i++)
            {
                using var store = HistoryStore.Open(path);
                store.Record(inventory, null, $"writer-{writer}", DateTimeOffset.UtcNow);
            }
        })));

        using var check = HistoryStore.Open(path);
        Assert.Equal(20, check.Scans().Count);
        Assert.All(check.Scans(), scan => Assert.Equal(26, check.Fingerprints(scan.Id).Count));
        Assert.Equal("ok", check.IntegrityCheck());
    }

    [Fact]
    public void WriterDeadMidTransaction_ShouldLeaveTheStoreAsItWas()
    {
        var path = NewStore();
        using (var store = HistoryStore.Open(path))
        {
            store.Record(Estate(calls: 2), "aaaa", "main", DateTimeOffset.UtcNow);
        }

        // A writer that began its transaction and wrote, then died: the files as they are on disk at that moment.
        var crashed = Path.Combine(Directory.CreateTempSubdirectory("inventory-history-crash-").FullName, "history.db");
        using (var writer = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            writer.Open();
            using var transaction = writer.BeginTransaction(deferred: false);
            using var insert = writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO scans (id, commit_sha, scanned_at, tool_version, findings, integrations, secrets) VALUES (1000, 'bbbb', '2026-01-01T00:00:00Z', 'x', 1, 1, 0); "
                + string.Concat(Enumerable.Range(0, 2000).Select(i => $"INSERT INTO scan_findings VALUES (1000, 'f{i}', 'http-client', 'Orders');"));
            insert.ExecuteNonQuery();
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                File.Copy(file, crashed + file[path.Length..]);
            }
        }

        using var reopened = HistoryStore.Open(crashed);
        Assert.Equal("ok", reopened.IntegrityCheck());
        Assert.Equal(["aaaa"], reopened.Scans().Select(s => s.Commit));
    }

    [Fact]
    public async Task ScanKilledMidWay_ShouldLeaveEveryRecordedScanWhole()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "inventory.dll");
        var root = Directory.CreateTempSubdirectory("inventory-history-kill-").FullName;
        var path = Path.Combine(root, "history.db");
        var output = Path.Combine(root, "out");
        Assert.Equal(0, await RunAsync(cli, path, output, killAfter: null));

        // Writers killed at different points of their scan (loading, analysing, recording, writing the reports).
        foreach (var delay in new[] { 300, 1500, 3000, 4500 })
        {
            await RunAsync(cli, path, output, killAfter: TimeSpan.FromMilliseconds(delay));
        }

        using var store = HistoryStore.Open(path);
        Assert.Equal("ok", store.IntegrityCheck());
        var scans = store.Scans();
        Assert.NotEmpty(scans);
        Assert.All(scans, scan =>
        {
            Assert.Equal(scan.Findings, store.Fingerprints(scan.Id).Count);
            Assert.Equal(scan.Findings, scan.Kinds.Values.Sum());
        });
    }

    private static async Task<int> RunAsync(string cli, string store, string output, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "scan", RepositoryPaths.Sample, "--no-restore", "-q", "--format", "json", "-o", output, "--history", store })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        await drain;
        return process.ExitCode;
    }
}
