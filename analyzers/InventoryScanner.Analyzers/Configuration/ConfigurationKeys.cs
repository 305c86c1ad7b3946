using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>
    /// The configuration key a read names, by symbol: <c>IConfiguration</c> indexers and sections, <c>GetValue&lt;T&gt;</c>,
    /// <c>GetConnectionString</c>, bound options (<c>IOptions&lt;T&gt;</c> and <c>Get&lt;T&gt;()</c>), settings-designer
    /// properties, <c>ConfigurationManager</c>, and <c>env:NAME</c> for environment variables. Types are resolved on first use, once per
    /// compilation; <see cref="ValueResolver"/> looks the key up in the configuration files.
    /// </summary>
    internal sealed class ConfigurationKeys
    {
        private readonly Compilation _compilation;
        private readonly Lazy<OptionsBindings> _options;

        // Looked up on first use, once per compilation (see GetBestTypeByMetadataName): most compilations never read configuration.
        private INamedTypeSymbol? Environment => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Environment);

        private INamedTypeSymbol? NameValueCollection => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Collections_Specialized_NameValueCollection);

        private INamedTypeSymbol? ConfigurationManager => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Configuration_ConfigurationManager);

        private INamedTypeSymbol? ConnectionStringSettings => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Configuration_ConnectionStringSettings);

        private INamedTypeSymbol? ConfigurationInterface => _compilation.GetBestTypeByMetadataName(KnownTypeNames.Microsoft_Extensions_Configuration_IConfiguration);

        private INamedTypeSymbol? ConfigurationBinder => _compilation.GetBestTypeByMetadataName(KnownTypeNames.Microsoft_Extensions_Configuration_ConfigurationBinder);

        public ConfigurationKeys(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _options = new Lazy<OptionsBindings>(() => OptionsBindings.Collect(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// A property of an options object bound to a section: <c>options.Value.BaseUrl</c>,
        /// <c>monitor.CurrentValue.Partner.Url</c>, a field or local holding the options, or
        /// <c>configuration.GetSection("A").Get&lt;T&gt;().Url</c>. The key is the section joined with the property path.
        /// </summary>
        private string? OptionsKey(IPropertyReferenceOperation property)
        {
            var path = new List<string> { property.Property.Name };
            var instance = CallSite.Unwrap(property.Instance);
            for (var depth = 0; depth < 8 && instance is not null; depth++)
            {
                switch (instance)
                {
                    case IPropertyReferenceOperation { Property.Name: "Value" or "CurrentValue" } wrapper when IsOptionsWrapper(wrapper.Property.ContainingType):
                        return Prefixed(_options.Value.SectionOf(wrapper.Type), path);
                    case IInvocationOperation { TargetMethod.Name: "Get" } get when IsOptionsWrapper(get.TargetMethod.ContainingType):
                        return Prefixed(_options.Value.SectionOf(get.Type), path);
                    case IInvocationOperation { TargetMethod.Name: "Get", TargetMethod.IsGenericMethod: true } bind when Is(bind.TargetMethod.ContainingType, ConfigurationBinder):
                        var receiver = bind.Instance ?? (bind.Arguments.Length > 0 ? bind.Arguments[0].Value : null);
                        return receiver is null ? null : Prefixed(SectionPath(CallSite.Unwrap(receiver)), path);
                    case IPropertyReferenceOperation nested when !nested.Property.IsIndexer && _options.Value.SectionOf(nested.Type) is null:
                        path.Insert(0, nested.Property.Name);
                        instance = CallSite.Unwrap(nested.Instance);
                        continue;
                    case ILocalReferenceOperation local when _options.Value.SectionOf(local.Type) is null
                        && MemberAssignments.DeclaredInitializer(local.Local, CancellationToken.None) is { } initializer
                        && local.SemanticModel is { } model && initializer.SyntaxTree == model.SyntaxTree:
                        instance = CallSite.Unwrap(model.GetValueOperation(initializer, CancellationToken.None));
                        continue;
                }

                // A field, property, local or parameter whose type is itself a bound options class.
                return Prefixed(_options.Value.SectionOf(instance.Type), path);
            }

            return null;
        }

        /// <summary>
        /// <c>options.Value.Partner.Url</c> on a field, parameter or local typed <c>IOptions&lt;T&gt;</c> (or the snapshot and
        /// monitor) where the options package did not resolve: the key of <c>Partner:Url</c> under the section T is bound to.
        /// </summary>
        private string? UnresolvedOptionsKey(MemberAccessExpressionSyntax access, SemanticModel model)
        {
            var path = new List<string>();
            ExpressionSyntax current = access;
            while (current is MemberAccessExpressionSyntax member && member.Expression is not ThisExpressionSyntax && path.Count < 8)
            {
                path.Insert(0, member.Name.Identifier.ValueText);
                current = member.Expression;
            }

            if (current is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self)
            {
                current = self.Name;
            }

            if (current is not IdentifierNameSyntax || path.Count < 2 || path[0] is not ("Value" or "CurrentValue")
                || model.GetTypeInfo(current).Type is not IErrorTypeSymbol { Name: "IOptions" or "IOptionsSnapshot" or "IOptionsMonitor", TypeArguments.Length: 1 } wrapper)
            {
                return null;
            }

            path.RemoveAt(0);
            return Prefixed(_options.Value.SectionOf(wrapper.TypeArguments[0]), path);
        }

        private static string? Prefixed(string? section, List<string> path) =>
            section is null ? null : section.Length == 0 ? string.Join(":", path) : section + ":" + string.Join(":", path);

        /// <summary>IOptions&lt;T&gt;, IOptionsSnapshot&lt;T&gt;, IOptionsMonitor&lt;T&gt; (Microsoft.Extensions.Options).</summary>
        private static bool IsOptionsWrapper(INamedTypeSymbol? type) =>
            type is { IsGenericType: true, Name: "IOptions" or "IOptionsSnapshot" or "IOptionsMonitor" or "OptionsWrapper" }
            && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Options";

        /// <summary>The configuration key of a settings-designer property; null for any other property.</summary>
        public static string? SettingsKey(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                var scope = attribute.AttributeClass?.Name switch
                {
                    "ApplicationScopedSettingAttribute" => "applicationSettings",
                    "UserScopedSettingAttribute" => "userSettings",
                    _ => null,
                };
                if (scope is not null && (attribute.AttributeClass is IErrorTypeSymbol || attribute.AttributeClass!.ContainingNamespace?.ToDisplayString() == "System.Configuration"))
                {
                    return SettingsKeys.Of(scope, property.ContainingType.ToDisplayString(), property.Name);
                }
            }

            return null;
        }

        /// <summary>
        /// The key a configuration read names: <c>config["A:B"]</c>, <c>config.GetSection("A")["B"]</c>,
        /// <c>GetSection("A:B").Value</c>, <c>GetValue&lt;T&gt;("A:B")</c>, <c>GetConnectionString("X")</c> (as
        /// <c>ConnectionStrings:X</c>), <c>ConfigurationManager.AppSettings["X"]</c>,
        /// <c>ConfigurationManager.ConnectionStrings["X"].ConnectionString</c>; <c>env:NAME</c> for
        /// <c>Environment.GetEnvironmentVariable("NAME")</c>. Null for anything else.
        /// </summary>
        public string? KeyOf(IOperation operation)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: false } setting when SettingsKey(setting.Property) is { } settingsKey:
                    return settingsKey;

                case IPropertyReferenceOperation { Property.IsIndexer: false, Type.SpecialType: SpecialType.System_String or SpecialType.None } option
                    when OptionsKey(option) is { } optionsKey:
                    return optionsKey;

                case IInvalidOperation { Syntax: ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access } when operation.SemanticModel is { } model
                    && (model.GetTypeInfo(access.Expression).Type is IErrorTypeSymbol { Name: "IConfiguration" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" or "IConfigurationSection" }
                        // builder.Configuration["X"] where the builder's type did not resolve either: its type has no name, its member does.
                        || (access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Configuration" } && model.GetTypeInfo(access.Expression).Type is null or IErrorTypeSymbol))
                    && model.GetConstantValue(access.ArgumentList.Arguments[0].Expression).Value is string unresolvedKey:
                    // configuration["A:B"] where Microsoft.Extensions.Configuration did not resolve: the key is still the key.
                    return unresolvedKey;

                case IInvalidOperation { Syntax: ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } appSettings }
                    when appSettings.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AppSettings", Expression: IdentifierNameSyntax { Identifier.ValueText: "ConfigurationManager" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigurationManager" } }
                        && operation.SemanticModel?.GetConstantValue(appSettings.ArgumentList.Arguments[0].Expression).Value is string unresolvedSetting:
                    // ConfigurationManager.AppSettings["LockboxFtp"] where System.Configuration did not resolve: the key is the key.
                    return unresolvedSetting;

                case IInvalidOperation { Syntax: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConnectionString", Expression: ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } settings } }
                    when settings.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConnectionStrings", Expression: IdentifierNameSyntax { Identifier.ValueText: "ConfigurationManager" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigurationManager" } }
                        && operation.SemanticModel?.GetConstantValue(settings.ArgumentList.Arguments[0].Expression).Value is string unresolvedSettings:
                    // ConfigurationManager.ConnectionStrings["Billing"].ConnectionString where System.Configuration did not resolve.
                    return "ConnectionStrings:" + unresolvedSettings;

                case IInvalidOperation { Syntax: MemberAccessExpressionSyntax options } when operation.SemanticModel is { } optionsModel
                    && UnresolvedOptionsKey(options, optionsModel) is { } unresolvedOptions:
                    // _settings.Value.CentinelaUrl where Microsoft.Extensions.Options did not resolve: IOptions<CentinelaSettings>
                    // is an error type that still carries its type argument, the options class the host binds.
                    return unresolvedOptions;

                case IInvalidOperation { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetConnectionString" }, ArgumentList.Arguments.Count: 1 } call }
                    when operation.SemanticModel?.GetConstantValue(call.ArgumentList.Arguments[0].Expression).Value is string unresolvedName:
                    // builder.Configuration.GetConnectionString("orderingdb") in a project whose packages did not restore.
                    return "ConnectionStrings:" + unresolvedName;

                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                    when indexer.Arguments[0].Value.ConstantValue.Value is string name:
                    if (IsConfiguration(indexer.Instance?.Type))
                    {
                        return Join(SectionPath(indexer.Instance), name);
                    }

                    if (Is(indexer.Property.ContainingType, NameValueCollection) && IsStaticProperty(indexer.Instance, ConfigurationManager, "AppSettings"))
                    {
                        return name;
                    }

                    return null;

                case IPropertyReferenceOperation { Property.Name: "Value" } value when IsConfiguration(value.Instance?.Type):
                    var section = SectionPath(value.Instance);
                    return string.IsNullOrEmpty(section) ? null : section;

                case IPropertyReferenceOperation { Property.Name: "ConnectionString" } connectionString
                    when Is(connectionString.Property.ContainingType, ConnectionStringSettings)
                        && CallSite.Unwrap(connectionString.Instance) is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } settings
                        && settings.Arguments[0].Value.ConstantValue.Value is string settingsName
                        && IsStaticProperty(settings.Instance, ConfigurationManager, "ConnectionStrings"):
                    return "ConnectionStrings:" + settingsName;

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (Is(method.ContainingType, Environment) && method.Name == "GetEnvironmentVariable"
                        && invocation.Arguments.Length >= 1 && invocation.Arguments[0].Value.ConstantValue.Value is string variable)
                    {
                        return "env:" + variable;
                    }

                    if (Is(method.ContainingType, ConfigurationBinder) && method.Name == "GetValue"
                        && Argument(invocation, "key") is string key)
                    {
                        return Join(SectionPath(invocation.Arguments[0].Value), key);
                    }

                    // By its metadata name, not a symbol resolved once: Microsoft.Extensions.Configuration.ConfigurationExtensions
                    // is declared in both the Abstractions assembly (GetConnectionString) and Microsoft.Extensions.Configuration
                    // (Add<TSource>), and the compilation's best type of that name may be the other one.
                    if (method.ContainingType?.ToDisplayString() == KnownTypeNames.Microsoft_Extensions_Configuration_ConfigurationExtensions
                        && method.Name == "GetConnectionString"
                        && Argument(invocation, "name") is string connection)
                    {
                        return "ConnectionStrings:" + connection;
                    }

                    return null;

                default:
                    return null;
            }
        }

        /// <summary>The section a configuration object stands for: "" for a root, "A:B" for GetSection("A").GetSection("B").</summary>
        private string? SectionPath(IOperation? instance)
        {
            instance = CallSite.Unwrap(instance);
            if (instance is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } getSection
                && Argument(getSection, "key") is string key)
            {
                var receiver = getSection.Instance ?? (getSection.Arguments.Length > 0 ? getSection.Arguments[0].Value : null);
                return Join(SectionPath(receiver), key);
            }

            return instance is not null && IsConfiguration(instance.Type) ? string.Empty : null;
        }

        private static string? Join(string? section, string key) =>
            section is null ? null : section.Length == 0 ? key : section + ":" + key;

        private static string? Argument(IInvocationOperation invocation, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    return argument.Value.ConstantValue.Value as string;
                }
            }

            return null;
        }

        private bool IsConfiguration(ITypeSymbol? type)
        {
            if (type is null || ConfigurationInterface is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, ConfigurationInterface))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, ConfigurationInterface))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStaticProperty(IOperation? operation, INamedTypeSymbol? type, string name) =>
            CallSite.Unwrap(operation) is IPropertyReferenceOperation { Property.IsStatic: true } property
            && property.Property.Name == name && Is(property.Property.ContainingType, type);

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
