using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// INV1004: <c>new HttpClient()</c> inside a method, lambda or accessor: a client per call leaves sockets in
    /// TIME_WAIT until the machine runs out, and never sees DNS changes. A static or singleton client, or
    /// IHttpClientFactory, is the fix. Creations in constructors and field or property initializers are not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("HttpClient")]
    public sealed class HttpClientPerCallAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.HttpClientPerCall,
            title: "HttpClient created per call",
            messageFormat: "A new HttpClient is created on every call to '{0}'; share one, or use IHttpClientFactory",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Warning,
            description: "Each HttpClient owns its connections. Creating one per call exhausts sockets under load and ignores DNS changes; keep one static or singleton client, or let IHttpClientFactory manage them.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // HttpClient is looked up at the first creation of a type of that name, not here: the first lookup of it
                // in a compilation asks every referenced assembly, which a build of a project without HTTP should not pay.
                var compilation = start.Compilation;
                start.RegisterOperationAction(
                    operationContext =>
                    {
                        var creation = (IObjectCreationOperation)operationContext.Operation;
                        if (creation.Type?.Name != "HttpClient"
                            || !SymbolEqualityComparer.Default.Equals(creation.Type, compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_HttpClient))
                            || !IsPerCall(operationContext.ContainingSymbol, creation))
                        {
                            return;
                        }

                        var member = operationContext.ContainingSymbol;
                        var properties = AntiPatterns.Properties(member, RuleIdentifiers.HttpClientPerCall, "System.Net.Http", member.Name, Confidence.High);
                        operationContext.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), properties, member.Name));
                    },
                    OperationKind.ObjectCreation);
            });
        }

        /// <summary>Inside an ordinary method, local function, lambda or accessor, and not stored in a static member.</summary>
        private static bool IsPerCall(ISymbol containing, IOperation creation)
        {
            if (containing is not IMethodSymbol method
                || method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
            {
                return false;
            }

            for (var parent = creation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IFieldInitializerOperation:
                    case IPropertyInitializerOperation:
                        return false;
                    case ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field.IsStatic: true } }:
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsStatic: true } }:
                    case ICoalesceAssignmentOperation:
                        // A lazily created shared client: _client ??= new HttpClient().
                        return false;
                    case IConversionOperation:
                    case IObjectOrCollectionInitializerOperation:
                        continue;
                    default:
                        if (parent is IBlockOperation || parent is IMethodBodyOperation)
                        {
                            return true;
                        }

                        continue;
                }
            }

            return true;
        }
    }
}
