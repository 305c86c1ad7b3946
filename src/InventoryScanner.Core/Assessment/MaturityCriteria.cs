using InventoryScanner.Analyzers;
using InventoryScanner.Analyzers.Operations;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Assessment;

/// <summary>
/// The maturity model's criteria, in one place (<c>docs/assessment.md</c> renders the same table). Levels follow the
/// integration maturity model: 1 initial (ad hoc), 2 repeatable, 3 defined, 4 managed, 5 optimizing. Level 1 has no
/// criteria: every component is at least there. A criterion that needs a fact the scan does not collect yet says
/// <c>unknown</c>, and its level is not reached: the model never guesses.
/// </summary>
public static class MaturityCriteria
{
    /// <summary>Level names; 0 <c>none</c> is a component with nothing to assess (no integration point, nothing failing).</summary>
    public static readonly string[] LevelNames = ["none", "initial", "repeatable", "defined", "managed", "optimizing"];

    public sealed record Criterion(string Id, int Level, string Title, Func<ComponentFacts, CriterionVerdict> Evaluate);

    public static IReadOnlyList<Criterion> All { get; } =
    [
        new("R1", 2, "Endpoints come from configuration, not from literals in code", EndpointsFromConfiguration),
        new("R2", 2, "HTTP clients are shared or made by a factory, not created per call", SharedClients),
        new("R3", 2, "No plain-text credentials in code or configuration", NoSecrets),
        new("R4", 2, "Consumers catch the failures of their handlers", ConsumersCatch),
        new("R5", 2, "Database connections are disposed after use", ConnectionsDisposed),
        new("R6", 2, "Mail leaves over TLS", MailOverTls),
        new("D1", 3, "Outbound HTTP goes through typed or generated clients (typed HttpClient, Refit, gRPC, WCF proxies)", TypedClients),
        new("D2", 3, "One client library per kind of integration (HTTP, messaging) in the component", OneLibraryPerKind),
        new("D3", 3, "Each data store is owned by one component (no integration through a shared data store)", OwnedStores),
                new("M1", 4, "Every outbound HTTP client has resilience (retry, timeout, circuit breaker)", Resilience),
        new("M2", 4, "Every consumer acknowledges manually (or through its library) and has dead-lettering", ConsumerSafety),
        new("M3", 4, "Dependencies have health checks", HealthChecks),
        new("M4", 4, "Telemetry (traces or metrics) is exported", Telemetry),
        new("M5", 4, "Outbound calls carry credentials", OutboundCredentials),
        new("M6", 4, "Database connections retry transient failures", DatabaseRetries),
        new("M7", 4, "Database schemas are versioned by migrations", VersionedSchemas),
        new("O1", 5, "Consumers are idempotent or publishers use an outbox; contracts are versioned and tested", _ => Unknown("O1", 5, "Consumers are idempotent or publishers use an outbox; contracts are versioned and tested", "optimizing is judged against a previous scan (a baseline), and contract tests are not collected yet")),
    ];

    private static CriterionVerdict EndpointsFromConfiguration(ComponentFacts facts)
    {
        const string Title = "Endpoints come from configuration, not from literals in code";
        if (facts.Calls.Count == 0 && facts.Publishes.Count == 0)
        {
            return NotApplicable("R1", 2, Title, "no outbound calls or publishes");
        }

        var hardCoded = facts.AntiPatternsOf(RuleIdentifiers.HardcodedUrl);
        return hardCoded.Count > 0
            ? Fail("R1", 2, Title, $"{hardCoded.Count} hard-coded URL(s)", hardCoded)
            : Pass("R1", 2, Title, "no hard-coded URL", facts.Calls.Where(c => ComponentFacts.Detail(c, FindingProperties.TargetSource) == TargetSources.Configuration));
    }

    private static CriterionVerdict SharedClients(ComponentFacts facts)
    {
        const string Title = "HTTP clients are shared or made by a factory, not created per call";
        if (facts.HttpCalls.Count == 0)
        {
            return NotApplicable("R2", 2, Title, "no HTTP calls");
        }

        var perCall = facts.AntiPatternsOf(RuleIdentifiers.HttpClientPerCall);
        return perCall.Count > 0 ? Fail("R2", 2, Title, $"{perCall.Count} client(s) created per call", perCall) : Pass("R2", 2, Title, "no client created per call", Array.Empty<string>());
    }

    private static CriterionVerdict NoSecrets(ComponentFacts facts)
    {
        const string Title = "No plain-text credentials in code or configuration";
        return facts.Secrets.Count > 0 ? Fail("R3", 2, Title, $"{facts.Secrets.Count} hard-coded credential(s)", facts.Secrets) : Pass("R3", 2, Title, "no hard-coded credential", Array.Empty<string>());
    }

    private static CriterionVerdict ConsumersCatch(ComponentFacts facts)
    {
        const string Title = "Consumers catch the failures of their handlers";
        if (facts.Consumes.Count == 0)
        {
            return NotApplicable("R4", 2, Title, "no consumers");
        }

        var escaping = facts.AntiPatternsOf(RuleIdentifiers.RabbitMqUnhandledFailure, RuleIdentifiers.ConsumerUnhandledFailure);
        if (escaping.Count > 0)
        {
            return Fail("R4", 2, Title, $"{escaping.Count} consumer(s) let failures escape", escaping);
        }

        // A handler the scan could not see (in a library, or wired where the code does not say) is not a pass.
        var unseen = facts.Consumers.Where(c => Fact(c, "errorHandling") is null || Fact(c, "errorHandling")!.StartsWith("unknown", StringComparison.Ordinal)).ToList();
        return unseen.Count > 0
            ? new CriterionVerdict("R4", 2, Title, Verdicts.Unknown, $"the error handling of {unseen.Count} consumer(s) is not in the scanned code", [.. unseen.Select(c => c.Finding)])
            : Pass("R4", 2, Title, "every consumer catches its failures or leaves them to a library that retries", facts.Consumers.Select(c => c.Finding));
    }

    private static CriterionVerdict TypedClients(ComponentFacts facts)
    {
        const string Title = "Outbound HTTP goes through typed or generated clients (typed HttpClient, Refit, gRPC, WCF proxies)";
        if (facts.HttpCalls.Count == 0)
        {
            return facts.Calls.Count == 0 ? NotApplicable("D1", 3, Title, "no outbound calls") : Pass("D1", 3, Title, "only gRPC, SOAP or SignalR clients", facts.Calls);
        }

        var plain = facts.HttpCalls.Where(c => !IsTyped(c)).ToList();
        return plain.Count > 0
            ? Fail("D1", 3, Title, $"{plain.Count} of {facts.HttpCalls.Count} HTTP call(s) on a plain HttpClient, WebClient or WebRequest", plain)
            : Pass("D1", 3, Title, "every HTTP call goes through a typed, named or generated client", facts.HttpCalls);
    }

    /// <summary>
    /// Standardised integration: the component's HTTP calls go through one client library (HttpClient, RestSharp, Flurl,
    /// Refit…) and its publishes and consumes through one messaging library. The verdict names the findings of every
    /// library but the one used most (what would move to it).
    /// </summary>
    private static CriterionVerdict OneLibraryPerKind(ComponentFacts facts)
    {
        const string Title = "One client library per kind of integration (HTTP, messaging) in the component";
        var groups = new[] { ("HTTP", facts.HttpCalls), ("messaging", (IReadOnlyList<Finding>)[.. facts.Publishes, .. facts.Consumes]) }
            .Where(g => g.Item2.Count > 0)
            .ToList();
        if (groups.Count == 0)
        {
            return NotApplicable("D2", 3, Title, "no HTTP calls, publishes or consumes");
        }

        var mixed = new List<string>();
        var strays = new List<Finding>();
        foreach (var (kind, findings) in groups)
        {
            var libraries = findings.GroupBy(f => f.Library, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (libraries.Count > 1)
            {
                mixed.Add($"{kind} through {string.Join(", ", libraries.Select(l => $"{l.Key} ({l.Count()})"))}");
                strays.AddRange(libraries.Skip(1).SelectMany(l => l));
            }
        }

        return mixed.Count > 0
            ? Fail("D2", 3, Title, string.Join("; ", mixed), strays)
            : Pass("D2", 3, Title, string.Join("; ", groups.Select(g => $"{g.Item1} through {g.Item2[0].Library}")), groups.SelectMany(g => g.Item2));
    }

    private static CriterionVerdict ConnectionsDisposed(ComponentFacts facts)
    {
        const string Title = "Database connections are disposed after use";
        if (facts.Databases.Count == 0)
        {
            return NotApplicable("R5", 2, Title, "no databases");
        }

        var undisposed = facts.AntiPatternsOf(RuleIdentifiers.ConnectionNotDisposed);
        return undisposed.Count > 0
            ? Fail("R5", 2, Title, $"{undisposed.Count} connection(s) created and never disposed", undisposed)
            : Pass("R5", 2, Title, "no connection left undisposed", Array.Empty<string>());
    }

    /// <summary>
    /// Mail that leaves in clear text carries customers' data and the relay's credentials: fails on a <c>no-tls</c> fact
    /// (INV4006), and on System.Net.Mail's <c>SmtpClient</c> (which does not encrypt unless told to) with no <c>tls</c>
    /// fact in the component. MailKit negotiates TLS by default, and mail services are reached over HTTPS.
    /// </summary>
    private static CriterionVerdict MailOverTls(ComponentFacts facts)
    {
        const string Title = "Mail leaves over TLS";
        var mail = facts.DataStores.Where(f => f.Kind == FindingKinds.Smtp).ToList();
        if (mail.Count == 0)
        {
            return NotApplicable("R6", 2, Title, "no mail sent");
        }

        var clear = facts.DataStoreFacts.Where(f => f.Target == Analyzers.DataStores.DataStoreFacts.NoTls).ToList();
        var tls = facts.DataStoreFacts.Where(f => f.Target == Analyzers.DataStores.DataStoreFacts.Tls).ToList();
        var plainSmtp = mail.Where(f => f.Library == "System.Net.Mail").ToList();
        if (clear.Count > 0)
        {
            return Fail("R6", 2, Title, $"{clear.Count} mail connection(s) without TLS", clear);
        }

        return plainSmtp.Count > 0 && tls.Count == 0
            ? Fail("R6", 2, Title, $"{plainSmtp.Count} System.Net.Mail client(s) without EnableSsl", plainSmtp)
            : Pass("R6", 2, Title, tls.Count > 0 ? $"{tls.Count} TLS setting(s)" : "mail through MailKit (TLS by default) or a mail service's HTTPS API", tls.Count > 0 ? tls : mail);
    }

    /// <summary>
    /// Managed data access: EF Core contexts retry transient failures (<c>EnableRetryOnFailure</c>, INV4006), as Aspire's
    /// EF Core and Npgsql integrations do by default. Other connections (ADO.NET, Dapper, EF6) pass with a retry of their
    /// own (a Polly policy handling that store's exceptions, SqlClient's retry provider, EF6's execution strategy); with
    /// none, the verdict is unknown, since a retry may wrap them where the scan cannot tell.
    /// </summary>
    private static CriterionVerdict DatabaseRetries(ComponentFacts facts)
    {
        const string Title = "Database connections retry transient failures";
        var databases = facts.Databases;
        if (databases.Count == 0)
        {
            return NotApplicable("M6", 4, Title, "no databases");
        }

        var retries = facts.DataStoreFacts.Where(f => f.Target == Analyzers.DataStores.DataStoreFacts.RetryOnFailure).ToList();
        var contextRetries = retries.Where(f => f.Library != "Polly").ToList();
        var aspire = databases.Where(f => f.Library.StartsWith("Aspire.", StringComparison.Ordinal)).ToList();
        // EF Core's providers (not EF6, whose retries are a DbConfiguration's execution strategy).
        var contexts = databases.Except(aspire)
            .Where(f => ComponentFacts.Detail(f, FindingProperties.DbContext) is not null && IsEntityFrameworkCore(f))
            .ToList();
        if (contexts.Count > 0 && contextRetries.Count == 0)
        {
            return Fail("M6", 4, Title, $"{contexts.Count} EF Core context configuration(s) without EnableRetryOnFailure", contexts);
        }

        var others = databases.Except(aspire).Except(contexts).ToList();
        var unretried = others.Where(f => !retries.Any(r => Retries(r, f))).ToList();
        if (unretried.Count > 0)
        {
            return new CriterionVerdict("M6", 4, Title, Verdicts.Unknown, $"the retry of {unretried.Count} connection(s) outside EF Core (ADO.NET, EF6, document stores) is not seen in the scan", [.. unretried.Select(f => f.Fingerprint)]);
        }

        var evidence = retries.Count > 0 ? retries : aspire;
        return Pass("M6", 4, Title, retries.Count > 0 ? $"{retries.Count} retry setting(s)" : "Aspire's client integrations retry by default", evidence);
    }

    /// <summary>A retry covers a connection outside EF Core: SqlClient's and EF6's for SQL Server, Polly's for the store its exceptions are of (any relational one for DbException).</summary>
    private static bool Retries(Finding retry, Finding connection)
    {
        var store = ComponentFacts.Detail(connection, FindingProperties.Store);
        return retry.Library switch
        {
            "Polly" => ComponentFacts.Detail(retry, FindingProperties.Store) is { } handled ? handled == store : IsRelational(connection),
            "Microsoft.Data.SqlClient" or "EntityFramework" => store == "sqlserver",
            _ => false,
        };
    }

    /// <summary>
    /// Defined boundaries: no database, cache or object store that another component reaches too (INV4005). A shared store
    /// is integration nobody designed; the verdict names the component's connections to the shared stores.
    /// </summary>
    private static CriterionVerdict OwnedStores(ComponentFacts facts)
    {
        const string Title = "Each data store is owned by one component (no integration through a shared data store)";
        if (facts.DataStores.Count == 0)
        {
            return NotApplicable("D3", 3, Title, "no databases, caches or object stores");
        }

        var shared = facts.AntiPatternsOf(RuleIdentifiers.SharedDataStore);
        return shared.Count > 0
            ? Fail("D3", 3, Title, $"{shared.Count} store(s) shared with other components: {string.Join(", ", shared.Select(f => f.Target))}", shared)
            : Pass("D3", 3, Title, $"its {facts.DataStores.Select(f => f.Target).Distinct(StringComparer.Ordinal).Count()} store(s) are its own", facts.DataStores);
    }

    /// <summary>
    /// Managed schemas: every EF Core or EF6 context the component connects through has migrations somewhere in the scan (a
    /// model snapshot or migrations configuration naming the context, in its project or a migration runner's). A schema
    /// reached by ADO.NET, Dapper or a database-first model may be versioned by a database project or scripts the scan does
    /// not read: unknown, never a guess.
    /// </summary>
    private static CriterionVerdict VersionedSchemas(ComponentFacts facts)
    {
        const string Title = "Database schemas are versioned by migrations";
        var databases = facts.Databases.Where(f => !f.IsTestOnly && ComponentFacts.Detail(f, FindingProperties.DesignTime) is null && IsRelational(f)).ToList();
        if (databases.Count == 0)
        {
            return NotApplicable("M7", 4, Title, "no relational databases");
        }

        var migrated = facts.Migrations.Select(m => ComponentFacts.Detail(m, FindingProperties.DbContext)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // EF Core contexts are judged; an EF6 context passes with its migrations, and without them may be database first (an .edmx).
        var contexts = databases
            .Where(f => ComponentFacts.Detail(f, FindingProperties.DbContext) is { } context
                && (IsEntityFrameworkCore(f) || migrated.Contains(context)))
            .ToList();
        var missing = contexts.Where(f => !migrated.Contains(ComponentFacts.Detail(f, FindingProperties.DbContext)!)).ToList();
        if (missing.Count > 0)
        {
            var names = missing.Select(f => ComponentFacts.Detail(f, FindingProperties.DbContext)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            return Fail("M7", 4, Title, $"no migrations in the scan for {string.Join(", ", names)}", missing);
        }

        if (contexts.Count > 0 && contexts.Count == databases.Count)
        {
            var evidence = facts.Migrations.Where(m => contexts.Any(c => ComponentFacts.Detail(c, FindingProperties.DbContext) == ComponentFacts.Detail(m, FindingProperties.DbContext))).ToList();
            return Pass("M7", 4, Title, $"the migrations of {contexts.Select(c => ComponentFacts.Detail(c, FindingProperties.DbContext)).Distinct(StringComparer.Ordinal).Count()} context(s) are in the scan", evidence);
        }

        return new CriterionVerdict("M7", 4, Title, Verdicts.Unknown, $"the schema of {databases.Count - contexts.Count} connection(s) outside EF Core (ADO.NET, Dapper, an EF6 model without migrations) may be versioned outside the code", [.. databases.Except(contexts).Select(f => f.Fingerprint)]);
    }

    private static bool IsEntityFrameworkCore(Finding database) =>
        Analyzers.DataStores.DataStoreFacts.EntityFrameworkCore.Any(p => database.Library.StartsWith(p, StringComparison.Ordinal))
        || database.Library.StartsWith("Aspire.", StringComparison.Ordinal) && database.Library.Contains("EntityFrameworkCore", StringComparison.Ordinal);

    /// <summary>A relational database: not a document, table, search or wide-column store, whose schema is the application's.</summary>
    private static bool IsRelational(Finding database) =>
        ComponentFacts.Detail(database, FindingProperties.Store) is "sqlserver" or "postgres" or "mysql" or "sqlite" or "oracle" or "oledb" or "odbc" or "db";

    /// <summary>A call through an <c>AddHttpClient</c> registration (typed or named), or through Refit.</summary>
    private static bool IsTyped(Finding call) =>
        ComponentFacts.Detail(call, FindingProperties.Registration) is not null || ComponentFacts.Detail(call, FindingProperties.Client) is not null || call.Library == "Refit";

    private static CriterionVerdict Resilience(ComponentFacts facts)
    {
        const string Title = "Every outbound HTTP client has resilience (retry, timeout, circuit breaker)";
        if (facts.HttpCalls.Count == 0)
        {
            return NotApplicable("M1", 4, Title, "no HTTP calls");
        }

        var without = facts.HttpCalls.Where(c => ComponentFacts.Detail(c, FindingProperties.Resilience) is null or "none").ToList();
        return without.Count > 0
            ? Fail("M1", 4, Title, $"{without.Count} of {facts.HttpCalls.Count} HTTP call(s) without a resilience handler or timeout", without)
            : Pass("M1", 4, Title, "every HTTP call has a resilience handler or timeout", facts.HttpCalls);
    }

    private static CriterionVerdict ConsumerSafety(ComponentFacts facts)
    {
        const string Title = "Every consumer acknowledges manually (or through its library) and has dead-lettering";
        if (facts.Consumers.Count == 0)
        {
            return NotApplicable("M2", 4, Title, "no consumers");
        }

        var unsafeConsumers = facts.Consumers.Where(c => Fact(c, "acknowledgement") == "automatic" || Fact(c, "deadLetter") is null or "none found").ToList();
        return unsafeConsumers.Count > 0
            ? Fail("M2", 4, Title, $"{unsafeConsumers.Count} of {facts.Consumers.Count} consumer(s) acknowledge on delivery or have no dead-lettering", unsafeConsumers.Select(c => c.Finding))
            : Pass("M2", 4, Title, "every consumer acknowledges safely and dead-letters", facts.Consumers.Select(c => c.Finding));
    }

    /// <summary>
    /// Dependencies are checked: a health check of a dependency (not the process's own liveness), and for each data store
    /// the component connects to, a check of that store (<c>AddNpgSql</c> for a PostgreSQL connection, <c>AddRedis</c>,
    /// <c>AddDbContextCheck&lt;T&gt;</c> for the context's database), or an Aspire client integration, which registers its
    /// own. Mail and design-time connections are not asked for one.
    /// </summary>
    private static CriterionVerdict HealthChecks(ComponentFacts facts)
    {
        const string Title = "Dependencies have health checks";
        if (facts.IntegrationPoints == 0)
        {
            return NotApplicable("M3", 4, Title, "no integration points");
        }

        var checks = facts.OperationsOf(OperationalFacets.HealthCheck);
        var dependencies = checks.Where(c => ComponentFacts.Detail(c, FindingProperties.CheckScope) == CheckScopes.Dependency).ToList();
        var stores = facts.DataStores
            .Where(f => f.Kind != FindingKinds.Smtp && !f.IsTestOnly && ComponentFacts.Detail(f, FindingProperties.DesignTime) is null)
            .ToList();
        var aspire = stores.Where(f => f.Library.StartsWith("Aspire.", StringComparison.Ordinal)).ToList();
        var uncheckedStores = stores.Except(aspire).Where(f => !dependencies.Any(check => Checks(check, f))).ToList();
        if (dependencies.Count == 0 && aspire.Count == 0)
        {
            return checks.Count > 0
                ? Fail("M3", 4, Title, "health checks are registered, but none checks a dependency (liveness only)", checks)
                : Fail("M3", 4, Title, "no health check registered for the dependencies it integrates with", facts.IntegrationFindings);
        }

        if (uncheckedStores.Count > 0)
        {
            var names = uncheckedStores.Select(f => f.Target).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var custom = dependencies.Where(c => ComponentFacts.Detail(c, FindingProperties.Store) is null && ComponentFacts.Detail(c, FindingProperties.DbContext) is null).ToList();
            if (custom.Count > 0)
            {
                // AddCheck<OrdersDbCheck>(): a dependency is checked, but which one the scan does not judge.
                return new CriterionVerdict("M3", 4, Title, Verdicts.Unknown, $"{custom.Count} check(s) of its own kind; whether they cover {string.Join(", ", names)} is not judged", [.. custom.Select(c => c.Fingerprint), .. uncheckedStores.Select(f => f.Fingerprint)]);
            }

            return Fail("M3", 4, Title, $"no health check of {names.Count} data store(s) it connects to: {string.Join(", ", names)}", uncheckedStores);
        }

        var note = dependencies.Count > 0 ? $"{dependencies.Count} check(s) of dependencies" : "Aspire's client integrations check their stores";
        return Pass("M3", 4, Title, stores.Count > 0 ? note + $"; each of its {stores.Select(f => f.Target).Distinct(StringComparer.Ordinal).Count()} data store(s) checked" : note, [.. dependencies, .. aspire]);
    }

    /// <summary>A check covers a connection when it checks that kind of store, or the connection's EF Core context.</summary>
    private static bool Checks(Finding check, Finding connection)
    {
        var store = ComponentFacts.Detail(check, FindingProperties.Store);
        var context = ComponentFacts.Detail(check, FindingProperties.DbContext);
        return (store is not null && store == ComponentFacts.Detail(connection, FindingProperties.Store))
            || (context is not null && context == ComponentFacts.Detail(connection, FindingProperties.DbContext));
    }

    private static CriterionVerdict Telemetry(ComponentFacts facts)
    {
        const string Title = "Telemetry (traces or metrics) is exported";
        if (facts.IntegrationPoints == 0)
        {
            return NotApplicable("M4", 4, Title, "no integration points");
        }

        var telemetry = facts.OperationsOf(OperationalFacets.Telemetry);
        return telemetry.Count > 0
            ? Pass("M4", 4, Title, string.Join(", ", telemetry.Select(t => t.Target).Distinct().Order(StringComparer.Ordinal)), telemetry)
            : Fail("M4", 4, Title, "no OpenTelemetry, Application Insights, Azure Monitor or Prometheus wiring found for its integrations", facts.IntegrationFindings);
    }

    /// <summary>
    /// Credentials anywhere in the component count for all its clients: which client a header or handler belongs to is
    /// not followed yet, so a pass says that the component authenticates some of its calls, with where.
    /// </summary>
    private static CriterionVerdict OutboundCredentials(ComponentFacts facts)
    {
        const string Title = "Outbound calls carry credentials";
        if (facts.Calls.Count == 0)
        {
            return NotApplicable("M5", 4, Title, "no outbound calls");
        }

        var credentials = facts.OperationsOf(OperationalFacets.OutboundAuth);
        return credentials.Count > 0
            ? Pass("M5", 4, Title, $"credentials on outbound calls: {string.Join(", ", credentials.Select(c => c.Target).Distinct().Order(StringComparer.Ordinal))}", credentials)
            : Fail("M5", 4, Title, $"no credentials found for its {facts.Calls.Count} outbound call(s)", facts.Calls);
    }

    private static string? Fact(MessagingEndpoint endpoint, string name) => endpoint.Facts.FirstOrDefault(f => f.Name == name)?.Value;

    private static CriterionVerdict Pass(string id, int level, string title, string note, IEnumerable<Finding> evidence) => Pass(id, level, title, note, evidence.Select(f => f.Fingerprint));

    private static CriterionVerdict Pass(string id, int level, string title, string note, IEnumerable<string> evidence) => new(id, level, title, Verdicts.Pass, note, evidence.Distinct().ToList());

    private static CriterionVerdict Fail(string id, int level, string title, string note, IEnumerable<Finding> evidence) => Fail(id, level, title, note, evidence.Select(f => f.Fingerprint));

    private static CriterionVerdict Fail(string id, int level, string title, string note, IEnumerable<string> evidence) => new(id, level, title, Verdicts.Fail, note, evidence.Distinct().ToList());

    private static CriterionVerdict NotApplicable(string id, int level, string title, string note) => new(id, level, title, Verdicts.NotApplicable, note, []);

    private static CriterionVerdict Unknown(string id, int level, string title, string note) => new(id, level, title, Verdicts.Unknown, note, []);

    /// <summary>The highest level whose criteria, and those of every level below it, pass or do not apply (at least 1).</summary>
    public static int LevelOf(IReadOnlyList<CriterionVerdict> verdicts)
    {
        var level = 1;
        for (var candidate = 2; candidate <= 5; candidate++)
        {
            if (verdicts.Where(v => v.Level == candidate).Any(v => v.Verdict is Verdicts.Fail or Verdicts.Unknown))
            {
                break;
            }

            level = candidate;
        }

        return level;
    }
}
