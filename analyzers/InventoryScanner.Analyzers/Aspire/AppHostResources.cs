using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers.Aspire
{
    /// <summary>
    /// A resource of an Aspire AppHost: its name, the <c>Add…</c> method that made it, and the project it runs when that
    /// method is <c>AddProject</c>.
    /// </summary>
    internal sealed class AppHostResource
    {
        public AppHostResource(string name, string method, string? project)
        {
            Name = name;
            Method = method;
            Project = project;
        }

        public string Name { get; }

        public string Method { get; }

        public string? Project { get; }

        public string Display => Name + " (" + Method + ")";
    }

    /// <summary>
    /// What an expression of an AppHost is a resource builder of, read from the syntax (AppHosts often do not restore on an
    /// auditor's machine, so little of them binds): down a chain of <c>With…</c> calls to the <c>Add…("name")</c> that
    /// made it, through locals, <c>GetEndpoint</c>, YARP's <c>AddCluster(resource)</c>, and the parameters of the
    /// application's own helper (<c>ConfigureMobileBffRoutes(this IResourceBuilder&lt;YarpResource&gt; builder, … catalogApi)</c>)
    /// when its caller's arguments are known.
    /// </summary>
    internal sealed class AppHostResources
    {
        private const int MaxDepth = 24;

        /// <summary>Methods whose resources serve HTTP (projects, apps, containers, proxies) rather than hold data.</summary>
        private static readonly ImmutableHashSet<string> ServiceMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "AddProject", "AddCSharpApp", "AddJavaScriptApp", "AddNpmApp", "AddViteApp", "AddNodeApp", "AddPythonApp", "AddUvicornApp",
            "AddContainer", "AddDockerfile", "AddExecutable", "AddYarp", "AddHealthChecksUI");

        private readonly SemanticModel? _model;
        private readonly IReadOnlyDictionary<string, AppHostResource> _parameters;

        /// <param name="model">The semantic model of the tree the expressions are in, or null when they are another file's (a helper's body).</param>
        /// <param name="parameters">The resources the enclosing helper's parameters are given at the call being followed, by name.</param>
        public AppHostResources(SemanticModel? model, IReadOnlyDictionary<string, AppHostResource>? parameters = null)
        {
            _model = model;
            _parameters = parameters ?? new Dictionary<string, AppHostResource>(StringComparer.Ordinal);
        }

        /// <summary>Whether a resource made by this method serves requests (a project, app, container or proxy).</summary>
        public static bool IsService(AppHostResource resource) => ServiceMethods.Contains(resource.Method);

        public AppHostResource? Resolve(ExpressionSyntax? expression, CancellationToken cancellationToken) =>
            Resolve(expression, 0, cancellationToken);

        private AppHostResource? Resolve(ExpressionSyntax? expression, int depth, CancellationToken cancellationToken)
        {
            if (expression is null || depth > MaxDepth)
            {
                return null;
            }

            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Resolve(parenthesized.Expression, depth + 1, cancellationToken);
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    return Resolve(suppressed.Operand, depth + 1, cancellationToken);
                case IdentifierNameSyntax identifier:
                    return Identifier(identifier, depth, cancellationToken);
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call:
                    var method = access.Name.Identifier.ValueText;
                    var arguments = call.ArgumentList.Arguments;

                    // yarp.AddCluster(catalogApi): the cluster is the resource it is made of.
                    if (method == "AddCluster" && arguments.Count > 0)
                    {
                        return Resolve(arguments[0].Expression, depth + 1, cancellationToken);
                    }

                    if (method.StartsWith("Add", StringComparison.Ordinal) && arguments.Count > 0 && Constant(arguments[0].Expression, cancellationToken) is { } name)
                    {
                        return new AppHostResource(name, method, method == "AddProject" ? ProjectOf(access.Name, arguments) : null);
                    }

                    // With…, WaitFor, GetEndpoint, the application's own fluent helpers: the same resource they were called on.
                    return Resolve(access.Expression, depth + 1, cancellationToken);
                default:
                    return null;
            }
        }

        private AppHostResource? Identifier(IdentifierNameSyntax identifier, int depth, CancellationToken cancellationToken)
        {
            var name = identifier.Identifier.ValueText;

            // yarp in WithConfiguration(yarp => yarp.AddRoute(…)): the lambda configures the resource it is handed to.
            if (identifier.Ancestors().OfType<LambdaExpressionSyntax>().FirstOrDefault(l => ParametersOf(l).Contains(name)) is { } lambda)
            {
                return lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax configured } }
                    ? Resolve(configured, depth + 1, cancellationToken)
                    : null;
            }

            if (_parameters.TryGetValue(name, out var given))
            {
                return given;
            }

            if (_model is not null && identifier.SyntaxTree == _model.SyntaxTree)
            {
                var symbol = _model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                return symbol is ILocalSymbol local
                    ? Resolve(MemberAssignments.DeclaredInitializer(local, cancellationToken), depth + 1, cancellationToken)
                    : null;
            }

            return Resolve(LocalInitializer(identifier, name), depth + 1, cancellationToken);
        }

        private static IEnumerable<string> ParametersOf(LambdaExpressionSyntax lambda) => lambda switch
        {
            SimpleLambdaExpressionSyntax simple => new[] { simple.Parameter.Identifier.ValueText },
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.Select(p => p.Identifier.ValueText),
            _ => Enumerable.Empty<string>(),
        };

        /// <summary>A helper's local (<c>var catalogCluster = yarp.AddCluster(catalogApi);</c>), found by name in the method's body.</summary>
        private static ExpressionSyntax? LocalInitializer(SyntaxNode use, string name)
        {
            var body = use.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax);
            return body?.DescendantNodes()
                .OfType<VariableDeclaratorSyntax>()
                .Where(v => v.Identifier.ValueText == name && v.SpanStart < use.SpanStart)
                .Select(v => v.Initializer?.Value)
                .LastOrDefault();
        }

        /// <summary>A string constant: a literal, or (in the analysed file) a constant the model knows.</summary>
        public string? Text(ExpressionSyntax expression, CancellationToken cancellationToken) => Constant(expression, cancellationToken);

        private string? Constant(ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            if (expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
            {
                return literal.Token.ValueText;
            }

            return _model is not null && expression.SyntaxTree == _model.SyntaxTree ? _model.GetConstantValue(expression, cancellationToken).Value as string : null;
        }

        /// <summary><c>AddProject&lt;Projects.Catalog_API&gt;("catalog-api")</c> → Catalog_API; <c>AddProject("api", "../Api/Api.csproj")</c> → Api.</summary>
        private static string? ProjectOf(SimpleNameSyntax name, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            if (name is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic)
            {
                return generic.TypeArgumentList.Arguments[0] switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
            }

            return arguments.Count > 1 && arguments[1].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } path
                && path.Token.ValueText.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                ? Path.GetFileNameWithoutExtension(path.Token.ValueText.Replace('\\', '/').Split('/').Last())
                : null;
        }
    }
}
