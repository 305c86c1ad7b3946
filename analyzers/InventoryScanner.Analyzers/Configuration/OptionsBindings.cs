using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>
    /// Options classes bound to a configuration section, found once per compilation:
    /// <c>services.Configure&lt;T&gt;(configuration.GetSection("Partner"))</c>,
    /// <c>services.AddOptions&lt;T&gt;().Bind(configuration.GetSection("Partner"))</c> and <c>.BindConfiguration("Partner")</c>.
    /// A property of such an options object (<c>options.Value.BaseUrl</c>) is the configuration key <c>Partner:BaseUrl</c>.
    /// Only files that mention one of these methods are looked at, and only these invocations are bound.
    /// </summary>
    internal sealed class OptionsBindings
    {
        private static readonly string[] Words = { "Configure<", "AddOptions<" };

        private readonly Dictionary<ITypeSymbol, string> _sections;

        private OptionsBindings(Dictionary<ITypeSymbol, string> sections)
        {
            _sections = sections;
        }

        public static OptionsBindings Collect(Compilation compilation, CancellationToken cancellationToken)
        {
            var sections = new Dictionary<ITypeSymbol, string>(SymbolEqualityComparer.Default);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText(cancellationToken).ToString();
                if (Array.TrueForAll(Words, word => text.IndexOf(word, StringComparison.Ordinal) < 0))
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic } } invocation
                        || (generic.Identifier.ValueText != "Configure" && generic.Identifier.ValueText != "AddOptions"))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Bindings live in Program.cs, the reads in other files; only these few invocations are bound, once per compilation.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var constants = model;
                    string? Constant(ExpressionSyntax expression) => constants.GetConstantValue(expression, cancellationToken).Value as string;
                    var section = generic.Identifier.ValueText == "Configure" ? SectionOfArguments(invocation, Constant) : SectionOfChain(invocation, Constant);
                    if (section is null)
                    {
                        continue;
                    }

                    if (model.GetTypeInfo(generic.TypeArgumentList.Arguments[0], cancellationToken).Type is { TypeKind: not TypeKind.Error } type && !sections.ContainsKey(type))
                    {
                        sections.Add(type, section);
                    }
                }
            }

            return new OptionsBindings(sections);
        }

        /// <summary>The section an options type is bound to, or null.</summary>
        public string? SectionOf(ITypeSymbol? type) => type is not null && _sections.TryGetValue(type, out var section) ? section : null;

        /// <summary>Configure&lt;T&gt;(config.GetSection("A").GetSection("B")) → "A:B".</summary>
        private static string? SectionOfArguments(InvocationExpressionSyntax invocation, Func<ExpressionSyntax, string?> constant)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (SectionPath(argument.Expression, constant) is { } section)
                {
                    return section;
                }
            }

            return null;
        }

        /// <summary>AddOptions&lt;T&gt;().Bind(config.GetSection("A")) or .BindConfiguration("A"), anywhere along the chain.</summary>
        private static string? SectionOfChain(InvocationExpressionSyntax invocation, Func<ExpressionSyntax, string?> constant)
        {
            SyntaxNode current = invocation;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer)
            {
                var name = access.Name.Identifier.ValueText;
                if (name == "Bind" && SectionOfArguments(outer, constant) is { } bound)
                {
                    return bound;
                }

                if (name == "BindConfiguration" && outer.ArgumentList.Arguments.Count > 0 && constant(outer.ArgumentList.Arguments[0].Expression) is { } path)
                {
                    return path;
                }

                current = outer;
            }

            return null;
        }

        /// <summary>config.GetSection("A").GetSection(Options.Section): the constant names joined with ':'.</summary>
        private static string? SectionPath(ExpressionSyntax expression, Func<ExpressionSyntax, string?> constant)
        {
            var parts = new List<string>();
            while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                && access.Name.Identifier.ValueText is "GetSection" or "GetRequiredSection"
                && call.ArgumentList.Arguments.Count == 1 && constant(call.ArgumentList.Arguments[0].Expression) is { } name)
            {
                parts.Insert(0, name);
                expression = access.Expression;
            }

            if (parts.Count > 0)
            {
                return string.Join(":", parts);
            }

            // Configure<T>(configuration), Configure<T>(this.Configuration): the class is bound to the root.
            var root = expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Name: var member } => member.Identifier.ValueText,
                _ => null,
            };
            return root is not null && root.IndexOf("onfig", StringComparison.OrdinalIgnoreCase) >= 0 ? string.Empty : null;
        }
    }
}
