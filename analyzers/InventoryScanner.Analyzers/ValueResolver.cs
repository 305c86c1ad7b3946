using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using InventoryScanner.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers
{
    /// <summary>
    /// Resolves the string an expression evaluates to, as far as the code says: literals, constants, readonly fields and
    /// properties with initializers, locals with a single initializer and no other assignment, interpolations,
    /// concatenations, <c>string.Format</c>, <c>new Uri(…)</c>, and helper methods of the same file that return one
    /// expression (their parameters read the caller's arguments). Parts that cannot be known become <c>{expression}</c>
    /// holes; nothing is guessed.
    /// </summary>
    internal sealed class ValueResolver
    {
        private const int MaxDepth = 8;

        private static readonly Regex FormatItem = new Regex(@"\{(?<index>\d+)(?:[,:][^}]*)?\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>
        /// The arguments of the helper calls being inlined on this thread: a parameter reference inside a helper reads the
        /// caller's argument (resolved in the caller's own scope). Resolution is synchronous, so a thread-static is enough.
        /// </summary>
        [ThreadStatic]
        private static Scope? t_scope;
        private readonly Lazy<ConfigurationFiles> _files;
        private readonly ConfigurationKeys _keys;
        private readonly Compilation _compilation;
        private readonly Lazy<Dictionary<string, List<SyntaxNode>>> _constructorCalls;

        /// <summary>
        /// <see cref="ConstructorCalls"/> of each compilation, shared by the rules' resolvers: each rule has its own, and
        /// each walked every tree of the compilation again.
        /// </summary>
        private static readonly ConditionalWeakTable<Compilation, Lazy<Dictionary<string, List<SyntaxNode>>>> SharedConstructorCalls =
            new ConditionalWeakTable<Compilation, Lazy<Dictionary<string, List<SyntaxNode>>>>();

        /// <summary>Call in a compilation-start action. Types are looked up, and configuration files read, on first use.</summary>
        public ValueResolver(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            _files = new Lazy<ConfigurationFiles>(() => ConfigurationFiles.Read(options, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            _keys = new ConfigurationKeys(compilation, cancellationToken);
            _compilation = compilation;
            _constructorCalls = SharedConstructorCalls.GetValue(
                compilation,
                // Not cancelled by the first rule's token: a cancelled walk would stay the answer for every rule. It reads
                // syntax only.
                shared => new Lazy<Dictionary<string, List<SyntaxNode>>>(() => ConstructorCalls(shared, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication));
        }

        public ResolvedValue Resolve(IOperation? operation, CancellationToken cancellationToken) =>
            Resolve(operation, 0, cancellationToken);

        private ResolvedValue Resolve(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            if (operation is null || depth > MaxDepth)
            {
                return ResolvedValue.None;
            }

            cancellationToken.ThrowIfCancellationRequested();

            if (operation.ConstantValue.HasValue)
            {
                if (operation.ConstantValue.Value is string constant)
                {
                    return new ResolvedValue(constant, IsLiteralSyntax(operation.Syntax) ? TargetSources.Literal : TargetSources.Constant, null);
                }

                if (operation.ConstantValue.Value is null)
                {
                    return ResolvedValue.None;
                }

                if (operation.ConstantValue.Value is IFormattable number)
                {
                    // A number or an enum in a URL ($"v{Version}", string.Format("{0}", 2)) reads as the invariant text.
                    return new ResolvedValue(number.ToString(null, System.Globalization.CultureInfo.InvariantCulture), TargetSources.Constant, null);
                }
            }

            var configured = ResolveConfiguration(operation);
            if (configured.HasText)
            {
                return configured;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Resolve(conversion.Operand, depth + 1, cancellationToken);

                case IPropertyReferenceOperation { Property.Name: "Name" or "FullName", Instance: ITypeOfOperation typeOf } typeName:
                    // typeof(OrderSubmitted).Name: a queue or topic named after a message type.
                    return new ResolvedValue(
                        typeName.Property.Name == "Name" ? typeOf.TypeOperand.Name : typeOf.TypeOperand.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)),
                        TargetSources.Constant,
                        null);

                case IInterpolatedStringOperation interpolated:
                    return ResolveInterpolation(interpolated, depth, cancellationToken);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary
                    when binary.Type?.SpecialType == SpecialType.System_String
                        // ConfigurationManager.AppSettings["Ftp"] + file where System.Configuration did not resolve: still text.
                        || (binary.Type is null or IErrorTypeSymbol && (binary.LeftOperand.Type?.SpecialType == SpecialType.System_String || binary.RightOperand.Type?.SpecialType == SpecialType.System_String)):
                    return Concatenate(Hole(binary.LeftOperand, depth, cancellationToken), Hole(binary.RightOperand, depth, cancellationToken));

                case IObjectCreationOperation creation when IsUri(creation.Type):
                    return ResolveUriCreation(creation, depth, cancellationToken);

                case ILocalReferenceOperation local:
                    return ResolveDeclaredInitializer(local.Local, operation, depth, cancellationToken);

                case IFieldReferenceOperation field when field.Field.IsReadOnly || field.Field.IsStatic:
                    return ResolveDeclaredInitializer(field.Field, operation, depth, cancellationToken);

                case IPropertyReferenceOperation property when property.Property.IsReadOnly || property.Property.IsStatic:
                    var declared = ResolveDeclaredInitializer(property.Property, operation, depth, cancellationToken);
                    return !declared.HasText && SettingsRead.Of(property) is { } readOnlySetting ? FromSettingsObject(readOnlySetting, operation.Syntax.ToString()) : declared;

                case IPropertyReferenceOperation property when SettingsRead.Of(property) is { } setting:
                    return FromSettingsObject(setting, operation.Syntax.ToString());

                case IInvalidOperation when operation.Syntax is ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } implicitNew
                    && operation.SemanticModel is { } model:
                    // new("http://basket-api") for a property whose type did not resolve (a package is missing): the one
                    // argument is the value when it is an absolute URL, as it is for a Uri.
                    var inner = Resolve(model.GetValueOperation(implicitNew.ArgumentList.Arguments[0].Expression, cancellationToken), depth + 1, cancellationToken);
                    return inner.HasText && UriText.IsAbsolute(inner.Text!) ? inner : ResolvedValue.Unresolved(operation.Syntax.ToString());

                case IInvalidOperation { Syntax: MemberAccessExpressionSyntax access, SemanticModel: { } accessModel }
                    when SettingsRead.OfUnresolved(access, accessModel, cancellationToken) is { } unresolvedSetting:
                    return FromSettingsObject(unresolvedSetting, operation.Syntax.ToString());

                case IParameterReferenceOperation parameter when t_scope is { } scope && scope.Arguments.TryGetValue(parameter.Parameter, out var argument):
                    return ResolveInScope(argument, scope.Outer, depth, cancellationToken);

                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter:
                    return ResolveConstructorArgument(constructor, parameter.Parameter, operation, depth, cancellationToken);

                case IInvocationOperation { TargetMethod: { Name: "Format", ContainingType.SpecialType: SpecialType.System_String } } format:
                    return ResolveFormat(format, depth, cancellationToken);

                case IInvocationOperation invocation when InlinableBody(invocation, cancellationToken) is { } body:
                    return ResolveInScope(body, new Scope(ArgumentsOf(invocation), t_scope), depth, cancellationToken);
            }

            return ResolvedValue.Unresolved(operation.Syntax.ToString());
        }

        /// <summary>A part of a larger string: resolved text, or the expression written as a <c>{hole}</c>.</summary>
        private ResolvedValue Hole(IOperation operation, int depth, CancellationToken cancellationToken)
        {
            var value = Resolve(operation, depth + 1, cancellationToken);
            if (value.HasText)
            {
                return value;
            }

            var syntax = HoleSyntax(operation);
            return new ResolvedValue("{" + HoleName(syntax) + "}", TargetSources.Interpolated, syntax.ToString());
        }

        /// <summary>The expression a hole is named after: inside an inlined helper, the caller's argument, not the parameter.</summary>
        private static SyntaxNode HoleSyntax(IOperation operation)
        {
            var scope = t_scope;
            while (CallSite.Unwrap(operation) is IParameterReferenceOperation parameter && scope is not null && scope.Arguments.TryGetValue(parameter.Parameter, out var argument))
            {
                operation = argument;
                scope = scope.Outer;
            }

            return operation.Syntax;
        }

        private static string HoleName(SyntaxNode syntax) => syntax switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => syntax.ToString(),
        };

        private static ResolvedValue Concatenate(ResolvedValue left, ResolvedValue right)
        {
            if (!left.HasText || !right.HasText)
            {
                return ResolvedValue.None;
            }

            var source = ResolvedValue.Weaker(left.Source, right.Source);
            return ResolvedValue.Join(left.Text + right.Text, source == TargetSources.Literal ? TargetSources.Constant : source, left, right);
        }

        private ResolvedValue ResolveInterpolation(IInterpolatedStringOperation interpolated, int depth, CancellationToken cancellationToken)
        {
            var text = new StringBuilder();
            var source = TargetSources.Literal;
            var origin = ResolvedValue.None;
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation textPart:
                        text.Append(textPart.Text.ConstantValue.Value as string);
                        break;
                    case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                        var value = Hole(hole.Expression, depth, cancellationToken);
                        text.Append(value.Text);
                        source = ResolvedValue.Weaker(source, value.Source);
                        origin = origin.ConfigKey is null ? value : origin;
                        break;
                    case IInterpolationOperation formatted:
                        text.Append('{').Append(HoleName(formatted.Expression.Syntax)).Append('}');
                        source = TargetSources.Interpolated;
                        break;
                }
            }

            return new ResolvedValue(text.ToString(), source, source == TargetSources.Interpolated ? interpolated.Syntax.ToString() : null, origin.ConfigKey, origin.ConfigValues);
        }

        private ResolvedValue ResolveUriCreation(IObjectCreationOperation creation, int depth, CancellationToken cancellationToken)
        {
            var arguments = creation.Arguments;
            if (arguments.Length >= 1 && arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
            {
                return Resolve(arguments[0].Value, depth + 1, cancellationToken);
            }

            if (arguments.Length == 2 && IsUri(arguments[0].Value.Type))
            {
                var baseUri = Resolve(arguments[0].Value, depth + 1, cancellationToken);
                var relative = Hole(arguments[1].Value, depth, cancellationToken);
                if (baseUri.HasText && relative.HasText)
                {
                    return ResolvedValue.Join(UriText.Combine(baseUri.Text!, relative.Text!), ResolvedValue.Weaker(baseUri.Source, relative.Source), baseUri, relative);
                }
            }

            return ResolvedValue.Unresolved(creation.Syntax.ToString());
        }

        /// <summary>
        /// Follows a local, field or property to the expression it was initialised with. In the same file the initializer
        /// is bound; in another file only literal forms are read from its syntax (no second semantic model is created).
        /// </summary>
        private ResolvedValue ResolveDeclaredInitializer(ISymbol symbol, IOperation reference, int depth, CancellationToken cancellationToken)
        {
            var unresolved = ResolvedValue.Unresolved(reference.Syntax.ToString());
            var initializer = MemberAssignments.DeclaredInitializer(symbol, cancellationToken)
                ?? (symbol is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false } ? MemberAssignments.ConstructorAssignment(symbol, cancellationToken) : null);
            if (initializer is null || (symbol is ILocalSymbol && IsAssignedAgain(symbol.Name, initializer)))
            {
                return unresolved;
            }

            var semanticModel = reference.SemanticModel;
            ResolvedValue value;
            if (semanticModel is not null && initializer.SyntaxTree == semanticModel.SyntaxTree)
            {
                value = Resolve(semanticModel.GetValueOperation(initializer, cancellationToken), depth + 1, cancellationToken);
            }
            else
            {
                value = ResolveSyntaxOnly(initializer);
            }

            if (!value.HasText)
            {
                return unresolved;
            }

            return value.WithText(value.Text, value.Source == TargetSources.Literal ? TargetSources.Constant : value.Source);
        }

        /// <summary>
        /// A constructor's parameter (a wrapper's <c>_exchange</c>, assigned from it): the argument every call of that
        /// constructor passes, in this compilation — <c>new RabbitPublisher("billing")</c>, a DI factory's
        /// <c>new RabbitPublisher(configuration["Rabbit:Exchange"])</c>, another constructor's <c>: this(…)</c>. Resolved
        /// when the calls agree on one value; otherwise the parameter stays unresolved.
        /// </summary>
        private ResolvedValue ResolveConstructorArgument(IMethodSymbol constructor, IParameterSymbol parameter, IOperation reference, int depth, CancellationToken cancellationToken)
        {
            var unresolved = ResolvedValue.Unresolved(reference.Syntax.ToString());
            if (!_constructorCalls.Value.TryGetValue(constructor.ContainingType.Name, out var calls))
            {
                return unresolved;
            }

            ResolvedValue? agreed = null;
            foreach (var call in calls)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = reference.SemanticModel is { } own && own.SyntaxTree == call.SyntaxTree
                    ? own
#pragma warning disable RS1030 // Only for a constructor parameter that names a target, only the calls of that one type, and a model per file is cached by the compilation.
                    : _compilation.GetSemanticModel(call.SyntaxTree);
#pragma warning restore RS1030
                var arguments = model.GetOperation(call, cancellationToken) switch
                {
                    IObjectCreationOperation creation when Same(creation.Constructor, constructor) => creation.Arguments,
                    IInvocationOperation chained when Same(chained.TargetMethod, constructor) => chained.Arguments,
                    _ => default(System.Collections.Immutable.ImmutableArray<IArgumentOperation>?),
                };
                var argument = arguments?.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, parameter.OriginalDefinition));
                if (argument is null)
                {
                    continue;
                }

                var value = ResolveInScope(argument.Value, null, depth, cancellationToken);
                if (!value.HasText || (agreed is { } earlier && earlier.Text != value.Text))
                {
                    return unresolved;
                }

                agreed = value;
            }

            return agreed is { } resolved ? resolved.WithText(resolved.Text, resolved.Source == TargetSources.Literal ? TargetSources.Constant : resolved.Source) : unresolved;

            static bool Same(IMethodSymbol? a, IMethodSymbol b) => SymbolEqualityComparer.Default.Equals(a?.OriginalDefinition, b.OriginalDefinition);
        }

        /// <summary>
        /// Every <c>new T(…)</c> and <c>: this(…)</c>/<c>: base(…)</c> of the compilation, by the simple name of the type it
        /// constructs: where a constructor parameter gets its value. Read once per compilation, by syntax: the text is
        /// searched for the keywords, and only the token at each place is looked at, in the order of the code (walking
        /// every node of every file made a node object for each, which cost more than the rest of a rule's work).
        /// </summary>
        private static Dictionary<string, List<SyntaxNode>> ConstructorCalls(Compilation compilation, CancellationToken cancellationToken)
        {
            var calls = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            void Add(string name, SyntaxNode call)
            {
                if (!calls.TryGetValue(name, out var list))
                {
                    calls[name] = list = new List<SyntaxNode>();
                }

                list.Add(call);
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                foreach (var position in SourceTexts.Positions(tree.GetText(cancellationToken), CallKeywords))
                {
                    var token = root.FindToken(position);
                    if (token.SpanStart != position)
                    {
                        continue; // inside a longer word, a comment or a string
                    }

                    switch (token.Parent)
                    {
                        case ObjectCreationExpressionSyntax creation when creation.NewKeyword == token && creation.Type.SimpleTypeName() is { } name:
                            Add(name, creation);
                            break;
                        case ConstructorInitializerSyntax initializer when initializer.ThisOrBaseKeyword == token && initializer.Parent is ConstructorDeclarationSyntax constructor && constructor.Parent is TypeDeclarationSyntax type:
                            // this(…) calls a constructor of the same type; base(…) one of the base type, named in the base list.
                            var target = initializer.IsKind(SyntaxKind.ThisConstructorInitializer) ? type.Identifier.ValueText
                                : type.BaseList?.Types.Count > 0 ? type.BaseList.Types[0].Type.SimpleTypeName() : null;
                            if (target is not null)
                            {
                                Add(target, initializer);
                            }

                            break;
                    }
                }
            }

            return calls;
        }

        private static readonly string[] CallKeywords = { "new", "base", "this" };

        /// <summary>Whether the compilation's code creates an object of a type of this simple name (<c>new OrderPaid(…)</c>).</summary>
        public bool IsCreated(string typeName) =>
            _constructorCalls.Value.TryGetValue(typeName, out var calls) && calls.Any(call => call is ObjectCreationExpressionSyntax);

        /// <summary>
        /// Whether a local is written after its declaration (<c>url = …</c>, <c>url += …</c>, <c>ref url</c>, <c>out url</c>)
        /// anywhere in the block that declares it: then its initializer is not what reaches the call. Matched by name,
        /// which can only make a value unresolved, never wrong.
        /// </summary>
        private static bool IsAssignedAgain(string name, ExpressionSyntax initializer)
        {
            var scope = initializer.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)initializer.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (scope is null)
            {
                return false;
            }

            foreach (var node in scope.DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } when target.Identifier.ValueText == name:
                    case ArgumentSyntax { Expression: IdentifierNameSyntax argument } refOrOut when argument.Identifier.ValueText == name && !refOrOut.RefKindKeyword.IsKind(SyntaxKind.None):
                        return true;
                }
            }

            return false;
        }

        /// <summary>string.Format("{0}/orders/{1}", baseUrl, id): the format with each item resolved or left as a hole.</summary>
        private ResolvedValue ResolveFormat(IInvocationOperation format, int depth, CancellationToken cancellationToken)
        {
            IOperation? pattern = null;
            var items = new List<IOperation>();
            foreach (var argument in format.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && pattern is null && argument.Parameter.Name == "format")
                {
                    pattern = argument.Value;
                }
                else if (argument.ArgumentKind == ArgumentKind.ParamArray && CallSite.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                {
                    items.AddRange(initializer.ElementValues);
                }
                else if (pattern is not null && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    items.Add(argument.Value);
                }
            }

            var template = Resolve(pattern, depth + 1, cancellationToken);
            if (!template.HasText)
            {
                return ResolvedValue.Unresolved(format.Syntax.ToString());
            }

            var source = template.Source == TargetSources.Literal ? TargetSources.Constant : template.Source;
            var text = FormatItem.Replace(template.Text!, match =>
            {
                var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (index >= items.Count)
                {
                    return match.Value;
                }

                var item = Hole(items[index], depth, cancellationToken);
                source = ResolvedValue.Weaker(source, item.Source);
                return item.Text!;
            });
            return template.WithText(text.Replace("{{", "{").Replace("}}", "}"), source);
        }

        /// <summary>
        /// The one expression a helper returns, when the helper is declared in the same file and returns a string or a Uri
        /// from a single return statement (or an expression body): <c>BuildUri(baseUrl, id)</c> is what it returns.
        /// </summary>
        private static IOperation? InlinableBody(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var model = invocation.SemanticModel;
            if (model is null || method.DeclaringSyntaxReferences.Length != 1
                || (method.ReturnType.SpecialType != SpecialType.System_String && method.ReturnType.Name != "Uri"))
            {
                return null;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            var (expressionBody, block) = declaration switch
            {
                MethodDeclarationSyntax m => (m.ExpressionBody?.Expression, m.Body),
                LocalFunctionStatementSyntax f => (f.ExpressionBody?.Expression, f.Body),
                _ => (null, null),
            };

            var returned = expressionBody;
            if (returned is null && block is not null)
            {
                var returns = block.DescendantNodes(n => n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)).OfType<ReturnStatementSyntax>().ToList();
                returned = returns.Count == 1 ? returns[0].Expression : null;
            }

            return returned is null ? null : model.GetValueOperation(returned, cancellationToken);
        }

        private static Dictionary<IParameterSymbol, IOperation> ArgumentsOf(IInvocationOperation invocation)
        {
            var arguments = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not null)
                {
                    arguments[argument.Parameter] = argument.Value;
                }
            }

            return arguments;
        }

        private ResolvedValue ResolveInScope(IOperation operation, Scope? scope, int depth, CancellationToken cancellationToken)
        {
            var saved = t_scope;
            t_scope = scope;
            try
            {
                return Resolve(operation, depth + 1, cancellationToken);
            }
            finally
            {
                t_scope = saved;
            }
        }

        private sealed class Scope
        {
            public Scope(Dictionary<IParameterSymbol, IOperation> arguments, Scope? outer)
            {
                Arguments = arguments;
                Outer = outer;
            }

            public Dictionary<IParameterSymbol, IOperation> Arguments { get; }

            /// <summary>The scope the arguments themselves are resolved in: the caller's.</summary>
            public Scope? Outer { get; }
        }

        /// <summary>
        /// A value read from configuration or the environment: the key, and its value in each configuration file of
        /// the project (default files first). A key no file sets stays a <c>{config:Key}</c> placeholder.
        /// </summary>
        private ResolvedValue ResolveConfiguration(IOperation operation)
        {
            var key = _keys.KeyOf(operation);
            if (key is null)
            {
                return ResolvedValue.None;
            }

            if (key.StartsWith("env:", StringComparison.Ordinal))
            {
                return new ResolvedValue("{" + key + "}", TargetSources.Environment, operation.Syntax.ToString(), key, null);
            }

            if (operation is IPropertyReferenceOperation setting && ConfigurationKeys.SettingsKey(setting.Property) is not null)
            {
                return FromSetting(setting.Property, operation.Syntax.ToString());
            }

            return FromConfiguration(key, operation.Syntax.ToString());
        }

        /// <summary>
        /// A settings-designer property (<c>Properties.Settings.Default.X</c>): its value in the configuration files'
        /// <c>applicationSettings</c>/<c>userSettings</c>, else the default the generated class declares
        /// (<c>[DefaultSettingValue("…")]</c>), which is what runs when no file sets it.
        /// </summary>
        public ResolvedValue FromSetting(IPropertySymbol property, string? expression)
        {
            var key = ConfigurationKeys.SettingsKey(property);
            if (key is null)
            {
                return ResolvedValue.None;
            }

            var configured = FromConfiguration(key, expression);
            if (configured.ConfigValues is not null)
            {
                return configured;
            }

            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "DefaultSettingValueAttribute" && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string declared)
                {
                    return new ResolvedValue(declared, TargetSources.Configuration, null, key, "default in " + property.ContainingType.Name + "=" + declared);
                }
            }

            return configured;
        }

        /// <summary>
        /// A property of the application's own settings object (<see cref="SettingsRead"/>): its value in the project's
        /// configuration files under the class's own section (<c>GlobalSettings:Events:QueueName</c>), else the default the
        /// settings class declares (<c>{ get; set; } = "events-write-queue"</c>), which is what runs when nothing sets it,
        /// else a <c>{settings:GlobalSettings.Events.QueueName}</c> placeholder: every component that reads the same
        /// setting names the same thing.
        /// </summary>
        private ResolvedValue FromSettingsObject(SettingsRead setting, string expression)
        {
            var configured = FromConfiguration(setting.ConfigurationKey, expression);
            if (configured.ConfigValues is not null)
            {
                return configured;
            }

            if (setting.Property is not null
                && MemberAssignments.DeclaredInitializer(setting.Property.OriginalDefinition, CancellationToken.None) is { } initializer
                && initializer.Parent is EqualsValueClauseSyntax
                && ResolveSyntaxOnly(initializer) is { HasText: true } declared && declared.Text!.Trim().Length > 0)
            {
                return new ResolvedValue(declared.Text, TargetSources.Configuration, null, setting.Name, "default in " + setting.Property.ContainingType.Name + "=" + declared.Text);
            }

            return new ResolvedValue("{" + setting.Name + "}", TargetSources.Configuration, expression, setting.Name, null);
        }

        /// <summary>
        /// The value a configuration key has in the project's files, with the value per file; a key no file sets stays a
        /// <c>{config:Key}</c> placeholder that keeps the expression that named it.
        /// </summary>
        public ResolvedValue FromConfiguration(string key, string? expression)
        {
            var found = _files.Value.Lookup(key);
            if (found.IsEmpty)
            {
                return new ResolvedValue("{config:" + key + "}", TargetSources.Configuration, expression, key, null);
            }

            var values = new StringBuilder();
            foreach (var (file, value) in found)
            {
                values.Append(values.Length == 0 ? string.Empty : "; ").Append(file.Name).Append('=').Append(value);
            }

            return new ResolvedValue(found[0].Value, TargetSources.Configuration, null, key, values.ToString());
        }

        private static ResolvedValue ResolveSyntaxOnly(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return new ResolvedValue(literal.Token.ValueText, TargetSources.Constant, null);
                case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments }
                    when arguments[0].Expression is LiteralExpressionSyntax uriLiteral && uriLiteral.IsKind(SyntaxKind.StringLiteralExpression):
                    return new ResolvedValue(uriLiteral.Token.ValueText, TargetSources.Constant, null);
                default:
                    return ResolvedValue.Unresolved(expression.ToString());
            }
        }

        private bool IsUri(ITypeSymbol? type) =>
            type is not null && _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Uri) is { } uri && SymbolEqualityComparer.Default.Equals(type, uri);

        private static bool IsLiteralSyntax(SyntaxNode syntax) =>
            syntax is LiteralExpressionSyntax || syntax is InterpolatedStringExpressionSyntax;
    }
}
