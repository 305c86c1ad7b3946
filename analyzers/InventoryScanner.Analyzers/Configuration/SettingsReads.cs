using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>
    /// A property read off an application's own settings object, with no binding in sight:
    /// <c>globalSettings.EventLogging.AzureServiceBus.EventTopicName</c>, <c>_settings.Mail.ConnectionString</c>. Large
    /// services bind one settings class in their host (<c>configuration.GetSection("GlobalSettings").Bind(settings)</c>)
    /// and hand it to libraries that never see the binding; the read still names a setting, which is what the channel or
    /// address is. The settings class is known by its name (<c>…Settings</c>, <c>…Options</c>, <c>…Configuration</c>,
    /// <c>…Config</c>) on the object read or on any object along the path; framework types are not settings of the
    /// application.
    /// </summary>
    internal readonly struct SettingsRead
    {
        private static readonly string[] Suffixes = { "Settings", "Setting", "Options", "Configuration", "Config", "Configs" };

        private SettingsRead(string root, IReadOnlyList<string> path, IPropertySymbol? property)
        {
            Root = root;
            Path = path;
            Property = property;
        }

        /// <summary>The settings class at the root of the read, without an interface's <c>I</c>: <c>GlobalSettings</c>.</summary>
        public string Root { get; }

        /// <summary>The properties read from the root: <c>EventLogging</c>, <c>AzureServiceBus</c>, <c>EventTopicName</c>.</summary>
        public IReadOnlyList<string> Path { get; }

        /// <summary>The property read last, whose declaration may carry a default; null when the settings class did not resolve.</summary>
        public IPropertySymbol? Property { get; }

        /// <summary>How a finding names the setting: <c>settings:GlobalSettings.EventLogging.AzureServiceBus.EventTopicName</c>.</summary>
        public string Name => "settings:" + Root + "." + string.Join(".", Path);

        /// <summary>The configuration key the setting has when the class is bound to a section of its own name: <c>GlobalSettings:EventLogging:…</c>.</summary>
        public string ConfigurationKey => Root + ":" + string.Join(":", Path);

        /// <summary>The read, when <paramref name="reference"/> is a chain of instance properties off a settings object; else null.</summary>
        public static SettingsRead? Of(IPropertyReferenceOperation reference)
        {
            if (reference.Property.IsStatic || reference.Property.IsIndexer || !IsText(reference.Property.Type))
            {
                return null;
            }

            var path = new List<string> { reference.Property.Name };
            var settings = IsSettingsType(reference.Property.ContainingType);
            var instance = CallSite.Unwrap(reference.Instance);
            IPropertyReferenceOperation? outermost = null;
            for (var depth = 0; depth < 8 && instance is IPropertyReferenceOperation { Property.IsStatic: false, Property.IsIndexer: false } nested; depth++)
            {
                path.Insert(0, nested.Property.Name);
                settings |= IsSettingsType(nested.Property.ContainingType);
                outermost = nested;
                instance = CallSite.Unwrap(nested.Instance);
            }

            ITypeSymbol? rootType;
            switch (instance)
            {
                case IParameterReferenceOperation or IFieldReferenceOperation or ILocalReferenceOperation or IPropertyReferenceOperation:
                    rootType = instance.Type;
                    break;
                case IInstanceReferenceOperation when outermost is not null:
                    // Settings.Bus.TopicName inside the class that holds Settings: the held object is the root.
                    rootType = outermost.Type;
                    path.RemoveAt(0);
                    break;
                default:
                    return null;
            }
            if (rootType is ITypeParameterSymbol parameter && parameter.ConstraintTypes.Length > 0)
            {
                // TConfiguration : IEventListenerConfiguration: the constraint is what the code reads.
                rootType = parameter.ConstraintTypes[0];
            }

            if (rootType is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface } root || root is IErrorTypeSymbol)
            {
                return null;
            }

            settings |= IsSettingsType(root);
            return settings ? new SettingsRead(RootName(root), path, reference.Property) : null;
        }

        /// <summary>
        /// The same read where the settings class did not resolve (its project reference is missing, as in a scan of code
        /// that does not restore): <c>_globalSettings.Events.QueueName</c> on a field whose type is an error type named
        /// like settings still names the setting, with no default to read.
        /// </summary>
        public static SettingsRead? OfUnresolved(MemberAccessExpressionSyntax access, SemanticModel model, CancellationToken cancellationToken)
        {
            var path = new List<string>();
            ExpressionSyntax current = access;
            for (var depth = 0; depth < 8 && current is MemberAccessExpressionSyntax member && !(member.Expression is ThisExpressionSyntax); depth++)
            {
                path.Insert(0, member.Name.Identifier.ValueText);
                current = member.Expression;
            }

            if (current is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self)
            {
                current = self.Name;
            }

            if (current is not IdentifierNameSyntax || path.Count == 0
                || model.GetTypeInfo(current, cancellationToken).Type is not IErrorTypeSymbol { Name.Length: > 0 } root || !HasSettingsName(root.Name))
            {
                return null;
            }

            // Unresolved, an interface cannot be told from a class but by its name.
            return new SettingsRead(WithoutInterfacePrefix(root.Name), path, null);
        }

        private static bool IsText(ITypeSymbol type) => type.SpecialType == SpecialType.System_String || type.Name == "Uri";

        /// <summary>An application type named like settings; framework and SDK option types (JsonSerializerOptions, HttpClientFactoryOptions) are not.</summary>
        private static bool IsSettingsType(INamedTypeSymbol? type)
        {
            return type is not null && !type.IsFrameworkOrSdk() && HasSettingsName(type.Name);
        }

        private static bool HasSettingsName(string name)
        {
            foreach (var suffix in Suffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>IGlobalSettings</c> and <c>GlobalSettings</c> are one settings class to the reader.</summary>
        private static string RootName(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Interface ? WithoutInterfacePrefix(type.Name) : type.Name;

        private static string WithoutInterfacePrefix(string name) =>
            name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? name.Substring(1) : name;
    }
}
