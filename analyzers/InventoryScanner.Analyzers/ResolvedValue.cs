namespace InventoryScanner.Analyzers
{
    /// <summary>A string value as far as the code says: text (holes written as <c>{expression}</c>) and how it was found.</summary>
    internal readonly struct ResolvedValue
    {
        public static readonly ResolvedValue None = default;

        public ResolvedValue(string? text, string source, string? expression, string? configKey = null, string? configValues = null)
        {
            Text = text;
            Source = source;
            Expression = expression;
            ConfigKey = configKey;
            ConfigValues = configValues;
        }

        /// <summary>The configuration key (or <c>env:NAME</c>) the value was read from, if any.</summary>
        public string? ConfigKey { get; }

        /// <summary>Its value in each configuration file that sets it: <c>appsettings.json=…; appsettings.Development.json=…</c>.</summary>
        public string? ConfigValues { get; }

        /// <summary>The same value with another text, keeping where it came from.</summary>
        public ResolvedValue WithText(string? text, string source) => new ResolvedValue(text, source, Expression, ConfigKey, ConfigValues);

        /// <summary>The value, or <see langword="null"/> when nothing about it is known.</summary>
        public string? Text { get; }

        /// <summary>One of <see cref="TargetSources"/>.</summary>
        public string Source { get; }

        /// <summary>Source text of the expression, kept when the value is not fully known.</summary>
        public string? Expression { get; }

        public bool HasText => Text is not null;

        /// <summary>Known to the letter: not a template with holes, nor a key no configuration file sets.</summary>
        public bool IsFullyResolved =>
            Text is not null
            && Source != TargetSources.Unresolved && Source != TargetSources.Interpolated && Source != TargetSources.Environment
            && !(Source == TargetSources.Configuration && ConfigValues is null);

        public static ResolvedValue Unresolved(string expression) =>
            new ResolvedValue(null, TargetSources.Unresolved, expression);

        /// <summary>The stronger (less certain) of two sources: unresolved beats interpolated beats constant beats literal.</summary>
        public static string Weaker(string a, string b) => Rank(a) >= Rank(b) ? a : b;

        private static int Rank(string source) => source switch
        {
            TargetSources.Literal => 0,
            TargetSources.Constant => 1,
            TargetSources.BaseAddress => 1,
            TargetSources.Configuration => 2,
            TargetSources.Environment => 3,
            TargetSources.Interpolated => 4,
            _ => 5,
        };

        /// <summary>
        /// The text as a finding's target: a value that is only a placeholder (<c>{env:CRM_URL}</c>) is written as the
        /// name it stands for (<c>env:CRM_URL</c>).
        /// </summary>
        public string? TargetText()
        {
            if (Text is not null && Text.Length > 2 && Text[0] == '{' && Text[Text.Length - 1] == '}' && Text.IndexOf('{', 1) < 0
                && (Source == TargetSources.Configuration || Source == TargetSources.Environment))
            {
                return Text.Substring(1, Text.Length - 2);
            }

            return Text;
        }

        /// <summary>
        /// Records how the value was found on a finding: <c>targetSource</c>, the expression while the value is not fully
        /// known (<paramref name="fallbackExpression"/> when the value kept none), the configuration key and its value per file.
        /// </summary>
        public void AddProvenance(System.Collections.Immutable.ImmutableDictionary<string, string?>.Builder properties, string? fallbackExpression)
        {
            properties.Add(FindingProperties.TargetSource, Text is null ? TargetSources.Unresolved : Source);
            properties.Add(FindingProperties.Expression, IsFullyResolved ? null : Expression ?? fallbackExpression);
            properties.Add(FindingProperties.ConfigKey, ConfigKey);
            properties.Add(FindingProperties.ConfigValues, ConfigValues);
        }

        /// <summary>The configuration origin of whichever part has one.</summary>
        public static ResolvedValue Join(string? text, string source, ResolvedValue left, ResolvedValue right) =>
            new ResolvedValue(text, source, left.Expression ?? right.Expression, left.ConfigKey ?? right.ConfigKey, left.ConfigKey is not null ? left.ConfigValues : right.ConfigValues);
    }
}
