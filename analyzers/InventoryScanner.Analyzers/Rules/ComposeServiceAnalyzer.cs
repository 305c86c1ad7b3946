using System;
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
    /// Inventory fact: a docker-compose service built from a project of the repository
    /// (<c>services: orders: build: { context: ., dockerfile: src/Orders.Api/Dockerfile }</c>, or <c>build: ./src/Orders.Api</c>):
    /// the service name is the host other services call it by (<c>http://orders/api</c>), so the scanner joins those calls
    /// to the component of that project, as it does for an Aspire AppHost's project resources. The project is the folder
    /// that holds the Dockerfile (or the build context when it names none), as Visual Studio and <c>dotnet new</c> lay
    /// projects out; a Dockerfile at the context's root names no project and is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    // Compose files are additional files, whose actions always run: no C# file needs binding for this rule.
    [TriggerWords]
    public sealed class ComposeServiceAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.ComposeService,
            title: "Compose service built from a project",
            messageFormat: "Compose service '{0}' runs project {1}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A docker-compose service built from a project of the repository: the host name other services call it by. The scanner maps calls to that host to the project's component.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(Analyze);
        }

        private static void Analyze(AdditionalFileAnalysisContext context)
        {
            var file = ConfigurationFiles.ReadOwnFile(context);
            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (file is null || text is null || !ConfigurationFileNames.IsComposeFile(file.Name))
            {
                return;
            }

            // Compose reads the folder's compose files as one: a service built here may mount its volumes in the override.
            var folder = Path.GetDirectoryName(context.AdditionalFile.Path);
            var siblings = context.Options.AdditionalFiles
                .Where(f => f.Path != context.AdditionalFile.Path && Path.GetDirectoryName(f.Path) == folder && ConfigurationFileNames.IsComposeFile(Path.GetFileName(f.Path)))
                .Select(f => ConfigurationFiles.ReadFile(f, context.CancellationToken))
                .OfType<ConfigurationFile>()
                .Prepend(file)
                .ToList();
            var variables = context.Options.AdditionalFiles
                .Where(f => Path.GetFileName(f.Path) == ".env" && Path.GetDirectoryName(f.Path) == folder)
                .Select(f => ConfigurationFiles.ReadFile(f, context.CancellationToken))
                .FirstOrDefault()?.Values;
            foreach (var built in ComposeFiles.BuiltServices(file))
            {
                var volumes = ComposeFiles.MountedFolders(siblings, built.Service);
                var image = siblings.Select(f => f.Values.TryGetValue("services:" + built.Service + ":image", out var value) ? value : null).FirstOrDefault(v => v is { Length: > 0 });
                var project = built.Folder.Split('/').Last();
                var location = DeployedServices.At(context.AdditionalFile, text, file.Positions.TryGetValue(built.Key, out var offset) ? offset : 0);
                var properties = DeployedServices.Properties(
                    "docker-compose", "compose", built.Service, file.Environment, built.HasDockerfile ? null : "the project is the build context's folder", "config:" + file.Name + ":" + built.Key);
                properties.Add(FindingProperties.Project, project);
                properties.Add(FindingProperties.ProjectFolder, built.Folder);
                properties.Add(FindingProperties.Volumes, volumes.Count == 0 ? null : string.Join(";", volumes));
                properties.Add(FindingProperties.Images, image is null ? null : ComposeFiles.Substitute(image, variables));
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties.ToImmutable(), built.Service, project));
            }
        }
    }
}
