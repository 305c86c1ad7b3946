using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using InventoryScanner.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory fact: a Kubernetes <c>Service</c> and the images of the workloads it selects (<c>selector: { app: eshop,
    /// component: catalog }</c> matching a Deployment's pod labels, whose container runs <c>eshop/catalog.api</c>). Inside the
    /// cluster the Service's name is the host its callers use (<c>http://catalog/api/v1/items</c>), so the scanner joins those
    /// calls to the component the image is built from, as it does for compose services (INV1016). Services and workloads
    /// are matched across all the manifests the compilation is given, since repositories keep them in separate files.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    // Manifests are additional files: no C# file needs binding for this rule.
    [TriggerWords]
    public sealed class KubernetesServiceAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.KubernetesService,
            title: "Kubernetes service of an image",
            messageFormat: "Kubernetes service '{0}' runs {1}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A Kubernetes Service and the container images of the workloads it selects: the host name other services call it by in the cluster. The scanner maps calls to that host to the component the image is built from.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // The workloads of every manifest, read once per compilation; each file's Services are matched against them.
                var options = start.Options;
                var cancellation = start.CancellationToken;
                var workloads = new Lazy<List<KubernetesObject>>(
                    () => options.AdditionalFiles
                        .SelectMany(file => Manifest(options, file, cancellation) is { } manifest ? manifest.Objects : new List<KubernetesObject>())
                        .Where(o => o.Kind != "Service" && o.Images.Count > 0)
                        .ToList(),
                    System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterAdditionalFileAction(file => Analyze(file, workloads));
            });
        }

        private static (SourceText Text, List<KubernetesObject> Objects)? Manifest(AnalyzerOptions options, AdditionalText file, System.Threading.CancellationToken cancellationToken)
        {
            var name = Path.GetFileName(file.Path);
            if (ConfigurationFileNames.FormatOf(name) != ConfigurationFormat.Yaml || ConfigurationFileNames.IsComposeFile(name)
                || AdditionalFileRoles.IsEnvironment(options, file) || file.GetText(cancellationToken) is not { } text)
            {
                return null;
            }

            var objects = KubernetesManifests.Read(text.ToString());
            return objects.Count == 0 ? null : (text, objects);
        }

        private static void Analyze(AdditionalFileAnalysisContext context, Lazy<List<KubernetesObject>> workloads)
        {
            if (Manifest(context.Options, context.AdditionalFile, context.CancellationToken) is not { } manifest)
            {
                return;
            }

            var environment = ConfigurationFileNames.EnvironmentOf(Path.GetFileName(context.AdditionalFile.Path)) ?? ConfigurationFiles.DefaultEnvironment;
            foreach (var service in manifest.Objects.Where(o => o.Kind == "Service"))
            {
                var images = workloads.Value.Where(service.Selects).SelectMany(w => w.Images).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal).ToList();
                if (images.Count == 0)
                {
                    continue;
                }

                var properties = DeployedServices.Properties(
                    "kubernetes", "kubernetes", service.Name, environment, images.Count == 1 ? null : "the service selects pods of several images", "config:" + Path.GetFileName(context.AdditionalFile.Path) + ":Service/" + service.Name);
                properties.Add(FindingProperties.Images, string.Join(";", images));
                properties.Add(FindingProperties.Namespace, service.Namespace);
                var location = DeployedServices.At(context.AdditionalFile, manifest.Text, service.Position);
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties.ToImmutable(), service.Name, string.Join(", ", images)));
            }
        }
    }
}
