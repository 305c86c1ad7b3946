using System.Globalization;
using InventoryScanner.Core.Model;
using Microsoft.Data.Sqlite;

namespace InventoryScanner.Core.History;

/// <summary>
/// The scans of a repository over time, in an embedded SQLite database (<c>.inventory/history.db</c> by default): per
/// scan its commit and branch (from <c>.git</c>), date and tool, the counts per kind (of the estate and of each
/// component), each component's maturity level and sprawl index and the estate's, the priorities' total effort, and the
/// finding fingerprints.
/// <para>
/// Safe to share: write-ahead logging, a busy timeout for concurrent writers, and each scan written in one immediate
/// transaction, so a writer killed mid-write leaves the store as it was (SQLite rolls the journal back when it is next
/// opened). The schema carries its version (<c>PRAGMA user_version</c>) and is migrated forward, step by step, on open;
/// a store newer than this tool is refused.
/// </para>
/// </summary>
public sealed class HistoryStore : IDisposable
{
    /// <summary>The default store, relative to the scan root.</summary>
    public const string DefaultPath = ".inventory/history.db";

    /// <summary>The name per-kind counts and scores of the whole estate are stored under.</summary>
    public const string Estate = "(estate)";

    /// <summary>Each step takes the schema from its index to the next version: step 0 makes version 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE scans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            commit_sha TEXT,
            scanned_at TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            findings INTEGER NOT NULL,
            integrations INTEGER NOT NULL,
            secrets INTEGER NOT NULL,
            estate_maturity INTEGER,
            sprawl_index INTEGER);
        CREATE TABLE kind_counts (
            scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
            component TEXT NOT NULL,
            kind TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (scan_id, component, kind));
        CREATE TABLE component_scores (
            scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
            component TEXT NOT NULL,
            maturity INTEGER,
            sprawl INTEGER,
            PRIMARY KEY (scan_id, component));
        CREATE TABLE scan_findings (
            scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            kind TEXT NOT NULL,
            component TEXT NOT NULL,
            PRIMARY KEY (scan_id, fingerprint));
        CREATE INDEX scans_by_date ON scans (scanned_at);
        """,
        """
        ALTER TABLE scans ADD COLUMN branch TEXT;
        ALTER TABLE scans ADD COLUMN components INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE scans ADD COLUMN priority_hours REAL NOT NULL DEFAULT 0;
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    private readonly SqliteConnection _connection;

    private HistoryStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (creating it and its folder when missing) and migrates the store; <paramref name="upToVersion"/> stops earlier, for tests of the migrations.</summary>
    public static HistoryStore Open(string path, int? upToVersion = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            Migrate(connection, full, upToVersion ?? CurrentVersion);
            return new HistoryStore(connection, full);
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw new HistoryException($"{path} is not a history store this tool can open ({exception.Message.TrimEnd('.')})", exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The schema's version (<c>PRAGMA user_version</c>).</summary>
    public int Version => Convert.ToInt32(Scalar(_connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);

    private static void Migrate(SqliteConnection connection, string path, int target)
    {
        // One writer migrates; another waits on the lock, then finds the work done.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version", transaction), CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new HistoryException($"{path} has history schema version {version}, written by a newer InventoryScanner; this one reads up to version {CurrentVersion}: update the tool");
        }

        for (; version < target; version++)
        {
            Execute(connection, Migrations[version], transaction);
            Execute(connection, $"PRAGMA user_version = {version + 1}", transaction);
        }

        transaction.Commit();
    }

    /// <summary>Records one scan, all of it or (if anything fails, or the process dies) nothing; returns its id.</summary>
    public long Record(Inventory inventory, string? commit, string? branch, DateTimeOffset scannedAt)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        var findings = inventory.Findings;
        var assessment = inventory.Assessment;
        var id = Convert.ToInt64(Scalar(
            _connection,
            """
            INSERT INTO scans (commit_sha, branch, scanned_at, tool_version, components, findings, integrations, secrets, estate_maturity, sprawl_index, priority_hours)
            VALUES ($commit, $branch, $at, $tool, $components, $findings, $integrations, $secrets, $maturity, $sprawl, $hours)
            RETURNING id
            """,
            transaction,
            ("$commit", commit),
            ("$branch", branch),
            ("$at", scannedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("$tool", inventory.Tool.Version),
            ("$components", inventory.Components.Count),
            ("$findings", findings.Count),
            ("$integrations", findings.Count(IntegrationKinds.IsIntegrationPoint)),
            ("$secrets", findings.Count(f => f.Kind == Analyzers.FindingKinds.Secret && !f.IsTestOnly)),
            ("$maturity", assessment?.Maturity.Estate.Level),
            ("$sprawl", assessment?.Sprawl.Estate.Index),
            ("$hours", assessment?.Priorities.Sum(p => p.Hours) ?? 0)), CultureInfo.InvariantCulture);

        using (var counts = Command(_connection, "INSERT INTO kind_counts (scan_id, component, kind, count) VALUES ($scan, $component, $kind, $count)", transaction))
        {
            foreach (var group in findings.GroupBy(f => (f.Component, f.Kind)).Concat(findings.GroupBy(f => (Component: Estate, f.Kind))))
            {
                Bind(counts, ("$scan", id), ("$component", group.Key.Component), ("$kind", group.Key.Kind), ("$count", group.Count()));
                counts.ExecuteNonQuery();
            }
        }

        using (var scores = Command(_connection, "INSERT INTO component_scores (scan_id, component, maturity, sprawl) VALUES ($scan, $component, $maturity, $sprawl)", transaction))
        {
            var maturity = assessment?.Maturity.Components.ToDictionary(c => c.Component, c => c.Level, StringComparer.Ordinal) ?? [];
            var sprawl = assessment?.Sprawl.Components.ToDictionary(c => c.Component, c => c.Index.Index, StringComparer.Ordinal) ?? [];
            foreach (var component in maturity.Keys.Union(sprawl.Keys, StringComparer.Ordinal))
            {
                Bind(scores, ("$scan", id), ("$component", component), ("$maturity", maturity.TryGetValue(component, out var m) ? m : null), ("$sprawl", sprawl.TryGetValue(component, out var s) ? s : null));
                scores.ExecuteNonQuery();
            }
        }

        using (var rows = Command(_connection, "INSERT OR IGNORE INTO scan_findings (scan_id, fingerprint, kind, component) VALUES ($scan, $fingerprint, $kind, $component)", transaction))
        {
            foreach (var finding in findings)
            {
                Bind(rows, ("$scan", id), ("$fingerprint", finding.Fingerprint), ("$kind", finding.Kind), ("$component", finding.Component));
                rows.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return id;
    }

    /// <summary>Every recorded scan, oldest first (by date, then by the order they were recorded).</summary>
    public IReadOnlyList<RecordedScan> Scans()
    {
        var scans = new List<RecordedScan>();
        using (var command = Command(_connection, "SELECT id, commit_sha, branch, scanned_at, tool_version, components, findings, integrations, secrets, estate_maturity, sprawl_index, priority_hours FROM scans ORDER BY scanned_at, id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                scans.Add(new RecordedScan(
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    reader.GetString(4),
                    reader.GetInt32(5),
                    reader.GetInt32(6),
                    reader.GetInt32(7),
                    reader.GetInt32(8),
                    reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    reader.IsDBNull(10) ? null : reader.GetInt32(10),
                    reader.GetDouble(11),
                    new Dictionary<string, int>(StringComparer.Ordinal),
                    new Dictionary<string, (int?, int?)>(StringComparer.Ordinal)));
            }
        }

        var byId = scans.ToDictionary(s => s.Id);
        using (var command = Command(_connection, "SELECT scan_id, kind, count FROM kind_counts WHERE component = $estate", null, ("$estate", Estate)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ((Dictionary<string, int>)byId[reader.GetInt64(0)].Kinds)[reader.GetString(1)] = reader.GetInt32(2);
            }
        }

        using (var command = Command(_connection, "SELECT scan_id, component, maturity, sprawl FROM component_scores"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ((Dictionary<string, (int?, int?)>)byId[reader.GetInt64(0)].ComponentScores)[reader.GetString(1)] =
                    (reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
            }
        }

        return scans;
    }

    /// <summary>The fingerprints a recorded scan had.</summary>
    public IReadOnlyList<string> Fingerprints(long scan)
    {
        var fingerprints = new List<string>();
        using var command = Command(_connection, "SELECT fingerprint FROM scan_findings WHERE scan_id = $scan ORDER BY fingerprint", null, ("$scan", scan));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            fingerprints.Add(reader.GetString(0));
        }

        return fingerprints;
    }

    /// <summary>SQLite's own check of the file: <c>ok</c> when it is sound.</summary>
    public string IntegrityCheck() => Convert.ToString(Scalar(_connection, "PRAGMA integrity_check"), CultureInfo.InvariantCulture) ?? string.Empty;

    public void Dispose() => _connection.Dispose();

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        Bind(command, parameters);
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(connection, sql, transaction);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        return command.ExecuteScalar();
    }
}

/// <summary>One recorded scan: its totals, the estate's counts per kind, and each component's maturity level and sprawl index.</summary>
public sealed record RecordedScan(
    long Id,
    string? Commit,
    string? Branch,
    DateTimeOffset ScannedAt,
    string ToolVersion,
    int Components,
    int Findings,
    int Integrations,
    int Secrets,
    int? EstateMaturity,
    int? SprawlIndex,
    double PriorityHours,
    IReadOnlyDictionary<string, int> Kinds,
    IReadOnlyDictionary<string, (int? Maturity, int? Sprawl)> ComponentScores);

/// <summary>A history store that cannot be used: the message says which file and why.</summary>
public sealed class HistoryException(string message, Exception? inner = null) : Exception(message, inner);
