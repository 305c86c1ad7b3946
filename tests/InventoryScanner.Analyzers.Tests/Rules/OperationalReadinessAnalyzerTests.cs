using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class OperationalReadinessAnalyzerTests
{
    private const string HealthChecks = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public interface IHealthChecksBuilder { }
            public static class HealthCheckServiceCollectionExtensions
            {
                public static IHealthChecksBuilder AddHealthChecks(this IServiceCollection services) => null!;
            }
            public static class HealthChecksBuilderAddCheckExtensions
            {
                public static IHealthChecksBuilder AddCheck(this IHealthChecksBuilder builder, string name, System.Func<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> check) => builder;
            }
        }
        namespace Microsoft.Extensions.Diagnostics.HealthChecks
        {
            public struct HealthCheckResult { public static HealthCheckResult Healthy() => default; }
        }
        """;

    private const string NpgSqlChecks = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class NpgSqlHealthCheckBuilderExtensions
            {
                public static IHealthChecksBuilder AddNpgSql(this IHealthChecksBuilder builder, string connectionString, string? name = null) => builder;
            }
        }
        """;

    private const string OpenTelemetry = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IOpenTelemetryBuilder { }
            public static class OpenTelemetryServicesExtensions
            {
                public static IOpenTelemetryBuilder AddOpenTelemetry(this IServiceCollection services) => null!;
            }
        }
        """;

    private const string AzureIdentity = """
        namespace Azure.Identity
        {
            public class DefaultAzureCredential { }
        }
        """;

    private const string Service = """
        using System.Net.Http;
        using System.Net.Http.Headers;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Diagnostics.HealthChecks;
        class Startup
        {
            void Configure(IServiceCollection services, string connection)
            {
                services.AddHealthChecks()
                    .AddCheck("self", () => HealthCheckResult.Healthy())
                    .AddNpgSql(connection, name: "orders-db");
                services.AddOpenTelemetry();
                var credential = new Azure.Identity.DefaultAzureCredential();
            }

            void Call(HttpClient client, string token)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                client.DefaultRequestHeaders.Add("X-Api-Key", token);
                client.DefaultRequestHeaders.Add("Accept", "application/json");
            }
        }
        """;

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Facet]} {d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.CheckScope) ?? "-"} {d.Properties[FindingProperties.Confidence]}").ToArray();

    [Fact]
    public async Task HealthChecksTelemetryAndCredentials_ShouldBeReportedWithTheirFacet()
    {
        var diagnostics = await AnalyzerRunner.RunWithLibrariesAsync(
            new OperationalReadinessAnalyzer(),
            [("Microsoft.Extensions.Diagnostics.HealthChecks", HealthChecks)],
            // OpenTelemetry's AddOpenTelemetry compiled into the application itself: a method of the application's own.
            Service, NpgSqlChecks, OpenTelemetry, AzureIdentity);

        Assert.Equal(
            [
                "INV3001 health-check health:orders-db dependency high",
                "INV3001 health-check health:registration liveness high",
                "INV3003 outbound-auth auth:authorization-header - high",
                "INV3003 outbound-auth auth:azure-identity - high",
                "INV3003 outbound-auth auth:credential-header - high",
            ],
            Describe(diagnostics).Order(StringComparer.Ordinal));

        // The check's method says which store it checks, whatever the check is named.
        Assert.Equal("postgres", diagnostics.Single(d => d.Properties[FindingProperties.Target] == "health:orders-db").Properties[FindingProperties.Store]);
    }

    [Fact]
    public async Task Telemetry_ShouldBeRecognisedByTheAssemblyThatDeclaresIt()
    {
        var diagnostics = await AnalyzerRunner.RunWithLibrariesAsync(
            new OperationalReadinessAnalyzer(),
            [("Microsoft.Extensions.Diagnostics.HealthChecks", HealthChecks), ("OpenTelemetry.Extensions.Hosting", OpenTelemetry.Replace("public interface IServiceCollection { }", "", StringComparison.Ordinal))],
            """
            using Microsoft.Extensions.DependencyInjection;
            class Startup { void Configure(IServiceCollection services) => services.AddOpenTelemetry(); }
            """);

        Assert.Equal(["INV3002 telemetry telemetry:opentelemetry - high"], Describe(diagnostics));
    }

    [Fact]
    public async Task LookAlikes_ShouldNotBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new OperationalReadinessAnalyzer(),
            """
            using System.Collections.Generic;
            class Catalogue
            {
                public string Authorization { get; set; } = "";
                void Build(Dictionary<string, string> headers, Catalogue other)
                {
                    headers.Add("Authorization", "none");      // a dictionary, not HTTP headers
                    other.Authorization = "reader";             // a property of the application's own
                    AddOpenTelemetry();                         // the application's own method of that name
                    this.AddHealthChecks(headers).AddCustomMvc().AddDevspaces();   // the application's own, then an unresolved call
                }
                void AddOpenTelemetry() { }
                Catalogue AddHealthChecks(object configuration) => this;
                Catalogue AddCustomMvc() => this;
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task SelfCheckOnly_ShouldBeALivenessCheck_NotADependency()
    {
        var diagnostics = await AnalyzerRunner.RunWithLibrariesAsync(
            new OperationalReadinessAnalyzer(),
            [("Microsoft.Extensions.Diagnostics.HealthChecks", HealthChecks)],
            """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Diagnostics.HealthChecks;
            class Startup { void Configure(IServiceCollection services) => services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy()); }
            """);

        Assert.Equal(["INV3001 health-check health:registration liveness high"], Describe(diagnostics));
    }

    [Fact]
    public async Task UnresolvedPackages_ShouldStillBeRecognised_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new OperationalReadinessAnalyzer(),
            """
            class Startup
            {
                void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services, string connection)
                {
                    services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy()).AddRabbitMQ(connection);
                    services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation());
                    var credential = new DefaultAzureCredential();
                    builder.AddServiceDefaults();
                }
            }
            """);

        Assert.Equal(
            [
                "INV3001 health-check health:rabbitmq dependency low",
                "INV3001 health-check health:registration liveness low",
                "INV3001 health-check health:registration liveness medium",
                "INV3002 telemetry telemetry:opentelemetry - low",
                "INV3002 telemetry telemetry:opentelemetry - medium",
                "INV3003 outbound-auth auth:azure-identity - low",
            ],
            Describe(diagnostics).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Evidence_ShouldNeverHoldTheCredentialItSets()
    {
        const string Token = "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";
        var diagnostics = await AnalyzerRunner.RunAsync(
            new OperationalReadinessAnalyzer(),
            $$"""
            using System.Net.Http;
            using System.Net.Http.Headers;
            class Partner
            {
                void Call(HttpClient client)
                {
                    client.DefaultRequestHeaders.Add("Authorization", "Bearer {{Token}}");
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", $"{{Token}}:{client}");
                }
            }
            """);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.DoesNotContain(Token, d.Properties[FindingProperties.Evidence], StringComparison.Ordinal));
        Assert.Equal("client.DefaultRequestHeaders.Add(\"Authorization\", \"…\")", diagnostics[0].Properties[FindingProperties.Evidence]);
        Assert.Equal("client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", \"…\")", diagnostics[1].Properties[FindingProperties.Evidence]);
    }

    [Fact]
    public async Task CheckOfAMissingPackage_OnABuilderVariable_ShouldBeADependencyCheck()
    {
        var diagnostics = await AnalyzerRunner.RunWithLibrariesAsync(
            new OperationalReadinessAnalyzer(),
            [("Microsoft.Extensions.Diagnostics.HealthChecks", HealthChecks)],
            """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Diagnostics.HealthChecks;
            class Startup
            {
                void Configure(IServiceCollection services, string connection)
                {
                    var hcBuilder = services.AddHealthChecks();
                    hcBuilder
                        .AddCheck("self", () => HealthCheckResult.Healthy())
                        .AddSqlServer(connection, name: "CatalogDB-check");
                }
            }
            """);

        Assert.Equal(
            ["INV3001 health-check health:CatalogDB-check dependency low", "INV3001 health-check health:registration liveness high"],
            Describe(diagnostics).Order(StringComparer.Ordinal));
        Assert.Equal(10, diagnostics.Single(d => d.Properties[FindingProperties.CheckScope] == "dependency").Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public async Task AuthenticatingMessageHandlers_ShouldBeJudgedByTheirName()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new OperationalReadinessAnalyzer(),
            """
            class Startup
            {
                void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                {
                    services.AddHttpClient<Orders>().AddHttpMessageHandler<BearerTokenHandler>();
                    services.AddHttpClient<Stock>().AddHttpMessageHandler<LoggingHandler>();
                }
            }
            """);

        Assert.Equal(["INV3003 outbound-auth auth:message-handler - medium"], Describe(diagnostics));
    }
}
