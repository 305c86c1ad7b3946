using System;
using System.Collections.Immutable;
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
            var file = ConfigurationFiles.ReadFile(context.AdditionalFile, context.CancellationToken);
            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (file is null || text is null || !ConfigurationFileNames.IsComposeFile(file.Name))
            {
                return;
            }

            var services = file.Values.Keys
                .Where(k => k.StartsWith("services:", StringComparison.OrdinalIgnoreCase))
                .Select(k => k.Split(':'))
                .Where(parts => parts.Length >= 3 && parts[2].Equals("build", StringComparison.OrdinalIgnoreCase))
                .Select(parts => parts[1])
                .Distinct(StringComparer.Ordinal)
                .OrderBy(s => s, StringComparer.Ordinal);
            foreach (var service in services)
            {
                var prefix = "services:" + service + ":build";
                var context_ = Value(file, prefix) ?? Value(file, prefix + ":context") ?? ".";
                var dockerfile = Value(file, prefix + ":dockerfile");
                if (FolderOf(context_, dockerfile) is not { } folder)
                {
                    continue;
                }

                var project = folder.Split('/').Last();

                var key = file.Values.ContainsKey(prefix) ? prefix : file.Values.Keys.First(k => k.StartsWith(prefix + ":", StringComparison.Ordinal));
                var start = file.Positions.TryGetValue(key, out var offset) ? Math.Min(offset, text.Length) : 0;
                var span = new TextSpan(start, 0);
                var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.ServiceResource);
                properties.Add(FindingProperties.Library, "docker-compose");
                properties.Add(FindingProperties.Target, service);
                properties.Add(FindingProperties.Resource, service);
                properties.Add(FindingProperties.ResourceType, "compose");
                properties.Add(FindingProperties.Project, project);
                properties.Add(FindingProperties.ProjectFolder, folder);
                properties.Add(FindingProperties.Environment, file.Environment);
                properties.Add(FindingProperties.Confidence, dockerfile is null ? Confidence.Medium : Confidence.High);
                properties.Add(FindingProperties.ConfidenceReason, dockerfile is null ? "the project is the build context's folder" : null);
                properties.Add(FindingProperties.ContainingSymbol, "config:" + file.Name + ":" + key);
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties.ToImmutable(), service, project));
            }
        }

        /// <summary>
        /// The folder that holds the Dockerfile (under the context), else the context itself, relative to the compose file's
        /// folder; null for the compose file's own folder, a path out of it, or one built from variables.
        /// </summary>
        private static string? FolderOf(string context, string? dockerfile)
        {
            var path = (dockerfile is null ? context : context.TrimEnd('/') + "/" + dockerfile).Replace('\\', '/');
            var segments = path.Split('/').Where(s => s.Length > 0 && s != ".").ToList();
            if (dockerfile is not null && segments.Count > 0)
            {
                segments.RemoveAt(segments.Count - 1); // the Dockerfile itself
            }

            return segments.Count == 0 || segments.Any(s => s == ".." || s.Contains("$")) ? null : string.Join("/", segments);
        }

        private static string? Value(ConfigurationFile file, string key) =>
            file.Values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
    }
}
