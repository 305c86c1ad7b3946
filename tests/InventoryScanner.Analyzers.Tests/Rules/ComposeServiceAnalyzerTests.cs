using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV1016: compose services built from a project, named by the folder that holds the Dockerfile.</summary>
public sealed class ComposeServiceAnalyzerTests
{
    private const string Compose = """
        services:
          orders:
            build:
              context: .
              dockerfile: src/Services/Orders.Api/Dockerfile
          billing:
            build: ./src/Billing.Worker
          storefront:
            build:
              context: src/Storefront.Web
          proxy:
            build:
              context: .
              dockerfile: Dockerfile
          templated:
            build:
              context: ${SERVICE_DIR}
          rabbitmq:
            image: rabbitmq:3-management
        """;

    [Fact]
    public async Task ServicesBuiltFromAProjectFolder_ShouldNameTheProject()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new ComposeServiceAnalyzer(), [("/repo/docker-compose.yml", Compose)], "class Empty { }");

        Assert.Equal(
            ["billing Billing.Worker src/Billing.Worker medium", "orders Orders.Api src/Services/Orders.Api high", "storefront Storefront.Web src/Storefront.Web medium"],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Project]} {d.Properties[FindingProperties.ProjectFolder]} {d.Properties[FindingProperties.Confidence]}").Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(FindingKinds.ServiceResource, d.Properties[FindingProperties.Kind]));
    }

    [Fact]
    public async Task FoldersAServiceMounts_FromItsOverrideToo_ShouldBeItsVolumes()
    {
        const string Base = """
            services:
              weblexonapigw:
                build:
                  context: .
                  dockerfile: src/ApiGateways/ApiGw-Base/Dockerfile
                volumes:
                  - type: bind
                    source: ./src/ApiGateways/Shared/certs
                    target: /app/certs
            """;
        const string Override = """
            services:
              weblexonapigw:
                volumes:
                  - ./src/ApiGateways/Web.Bff.Lexon/apigw:${ESHOP_OCELOT_VOLUME_SPEC:-/app/configuration}
                  - gateway-logs:/app/logs
                  - /var/run/docker.sock:/var/run/docker.sock
                  - ../outside:/app/outside
            """;

        var diagnostics = await AnalyzerRunner.RunAsync(
            new ComposeServiceAnalyzer(),
            [("/repo/docker-compose.yml", Base), ("/repo/docker-compose.override.yml", Override), ("/repo/other/docker-compose.yml", Override)],
            "class Empty { }");

        var service = Assert.Single(diagnostics);
        Assert.Equal("src/ApiGateways/Shared/certs;src/ApiGateways/Web.Bff.Lexon/apigw", service.Properties[FindingProperties.Volumes]);
    }

    [Fact]
    public async Task BuildKeysOutsideACompose_ShouldNotReportDiagnostic()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new ComposeServiceAnalyzer(),
            [("/repo/deploy/values.yaml", "services:\n  orders:\n    build: ./src/Orders.Api\n"), ("/repo/appsettings.json", """{ "services": { "orders": { "build": "./src/Orders.Api" } } }""")],
            "class Empty { }");

        Assert.Empty(diagnostics);
    }
}
