using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV1017: Kubernetes Services and the images of the workloads they select, across manifest files.</summary>
public sealed class KubernetesServiceAnalyzerTests
{
    private const string Services = """
        apiVersion: v1
        kind: Service
        metadata:
          labels:
            app: shop
          name: catalog
          namespace: shop
        spec:
          ports:
          - port: 80
          selector:
            app: shop
            component: catalog
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: ordering
        spec:
          selector:
            app: shop
            component: ordering
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: orphan
        spec:
          selector:
            component: nothing-runs-this
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ .Values.app.svc.basket }}
        spec:
          selector:
            app: basket
        """;

    private const string Deployments = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: catalog
          namespace: shop
        spec:
          template:
            metadata:
              labels:
                app: shop
                component: catalog
                tier: backend
            spec:
              containers:
              - name: catalog
                image: shopacr.azurecr.io/shop/catalog.api:linux-latest
                env:
                - name: ConnectionString
                  value: Server=sql-data;Database=catalog
              initContainers:
              - name: migrate
                image: shop/migrations:1.0
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: ordering-cleanup
        spec:
          jobTemplate:
            spec:
              template:
                metadata:
                  labels:
                    app: shop
                    component: ordering
                spec:
                  containers:
                  - name: cleanup
                    image: shop/ordering.cleanup
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: ordering
        spec:
          template:
            metadata:
              labels: { app: shop, component: ordering }
            spec:
              containers:
              - name: ordering
                image: shop/ordering.api:1.2
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: catalog-elsewhere
          namespace: staging
        spec:
          template:
            metadata:
              labels:
                app: shop
                component: catalog
            spec:
              containers:
              - name: catalog
                image: shop/catalog.api:staging
        """;

    [Fact]
    public async Task ServiceSelectingAWorkloadInAnotherFile_ShouldNameItsImages()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new KubernetesServiceAnalyzer(),
            [("/repo/k8s/services.yaml", Services), ("/repo/k8s/deployments.yaml", Deployments)],
            "class Empty { }");

        Assert.Equal(
            [
                // Its own namespace only; the init container is no image the service answers with.
                "catalog shopacr.azurecr.io/shop/catalog.api:linux-latest shop high 6",
                // The CronJob's pods carry its labels too (the Deployment's in a flow map): two images.
                "ordering shop/ordering.api:1.2;shop/ordering.cleanup - medium 18",
            ],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Images]} {d.Properties.GetValueOrDefault(FindingProperties.Namespace) ?? "-"} {d.Properties[FindingProperties.Confidence]} {d.Location.GetLineSpan().StartLinePosition.Line + 1}"));
    }
}
