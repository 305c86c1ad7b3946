using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV9001 in deployment files: docker-compose, .env, Kubernetes, Helm values, launch and publish profiles.</summary>
public sealed class DeploymentFileSecretTests
{
    private const string Code = "class C { }";

    private static async Task<List<string>> SecretsAsync(string path, string text)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), [(path, text)], Code);
        return diagnostics
            .OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.SecretKind]} {d.Properties[FindingProperties.Environment]}{(d.Properties.GetValueOrDefault(FindingProperties.KnownDefault) is "true" ? " knownDefault" : string.Empty)}")
            .ToList();
    }

    [Fact]
    public async Task DockerCompose_ShouldReportEnvironmentMapsAndLists_ButNotPlaceholders()
    {
        const string Compose = """
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_USER: orders
                  POSTGRES_PASSWORD: pG7x!Qm29vLt
              queue:
                image: rabbitmq:3-management
                environment:
                  - RABBITMQ_DEFAULT_USER=app
                  - RABBITMQ_DEFAULT_PASS=rB9-kq2Vx7Lm
                  - RABBITMQ_ERLANG_COOKIE=${ERLANG_COOKIE}
              api:
                environment:
                  - "ConnectionStrings__Orders=Host=db;Database=orders;Username=orders;Password=cN4#tR8wq1"
                  - Smtp__Password=${SMTP_PASSWORD}
                  - Jwt__Secret= # set by the pipeline
            """;

        Assert.Equal(
            [
                "6 services:db:environment:POSTGRES_PASSWORD password prod",
                "11 services:queue:environment:RABBITMQ_DEFAULT_PASS password prod",
                "15 services:api:environment:ConnectionStrings__Orders connection-string prod",
            ],
            await SecretsAsync("/repo/docker-compose.prod.yml", Compose));
    }

    [Fact]
    public async Task DotEnv_ShouldReportCredentialsAndKnownTokens()
    {
        const string Env = """
            # local defaults
            RABBITMQ_DEFAULT_PASS=rB9-kq2Vx7Lm
            export STRIPE_API_KEY="sk_live_4eC39HqLyjWDarjtT1zdp7dc9"
            EMPTY_PASSWORD=
            PASSWORD_MIN_LENGTH=12
            DB_PASSWORD=<your password here>
            """;

        Assert.Equal(
            ["2 RABBITMQ_DEFAULT_PASS password production", "3 STRIPE_API_KEY stripe-key production"],
            await SecretsAsync("/repo/.env.production", Env));
    }

    [Fact]
    public async Task Kubernetes_ShouldReportSecretDataDecodedStringDataAndEnvValues_ButNotSecretReferences()
    {
        const string Manifest = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: api-secrets
            type: Opaque
            data:
              db-password: a0Q4IXZRMm1YN3BM
              tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
            stringData:
              apiKey: a8F3kQ9zL2mX7vB4nR6t
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: contoso/api:1.0
                      env:
                        - name: JWT_SECRET
                          value: "hJ7#pL2qW9xZ4mN8"
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: api-secrets
                              key: db-password
                        - name: LOG_LEVEL
                          value: Information
            """;

        Assert.Equal(
            [
                "7 data:db-password password default",
                "10 stringData:apiKey api-key default",
                "24 spec:template:spec:containers:0:env:JWT_SECRET secret default",
            ],
            await SecretsAsync("/repo/deploy/k8s/api.yaml", Manifest));
    }

    [Fact]
    public async Task Kubernetes_WithSequencesInTheirParentsColumn_ShouldKeepTheFullPath()
    {
        const string Manifest = """
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: sqlserver
                    env:
                    - name: ACCEPT_EULA
                      value: "Y"
                    - name: MSSQL_SA_PASSWORD
                      value: "8xQ2mL7vB4nR6tZ9"
                  - name: sidecar
                    env:
                    - name: SIDECAR_TOKEN
                      value: "Zt4Lq8Wz2Xm6Vr9Bn3Pd"
            """;

        Assert.Equal(
            [
                "11 spec:template:spec:containers:0:env:MSSQL_SA_PASSWORD password default",
                "15 spec:template:spec:containers:1:env:SIDECAR_TOKEN token default",
            ],
            await SecretsAsync("/repo/k8s/sqlserver.yaml", Manifest));
    }

    [Fact]
    public async Task HelmValues_ShouldTagKnownDefaults_AndSkipTemplateExpressions()
    {
        const string Values = """
            image:
              repository: contoso/api
            redis:
              password: changeme
            database:
              password: "{{ .Values.global.dbPassword }}"
            tls:
              privateKey: |
                -----BEGIN RSA PRIVATE KEY-----
                MIIEowIBAAKCAQEA1x2
                -----END RSA PRIVATE KEY-----
            """;

        Assert.Equal(
            ["4 redis:password password staging knownDefault", "9 tls:privateKey private-key staging"],
            await SecretsAsync("/repo/charts/api/values-staging.yaml", Values));
    }

    [Fact]
    public async Task LaunchAndPublishProfiles_ShouldReportTheirCredentials_WithTheirEnvironment()
    {
        const string Launch = """
            {
              "profiles": {
                "Api": {
                  "commandName": "Project",
                  "environmentVariables": {
                    "ASPNETCORE_ENVIRONMENT": "Development",
                    "PAYMENT_API_KEY": "x7Lq2Vm9Rk4Tz8Wp"
                  }
                }
              }
            }
            """;
        const string Profile = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project>
              <PropertyGroup>
                <WebPublishMethod>MSDeploy</WebPublishMethod>
                <UserName>$contoso-prod</UserName>
                <Password>q9Zr4Lm2Xv7Kp3Wt</Password>
              </PropertyGroup>
            </Project>
            """;

        Assert.Equal(["7 profiles:Api:environmentVariables:PAYMENT_API_KEY api-key Development"], await SecretsAsync("/repo/Api/Properties/launchSettings.json", Launch));
        Assert.Equal(["6 Password password Production"], await SecretsAsync("/repo/Api/Properties/PublishProfiles/Production.pubxml", Profile));
    }
}
