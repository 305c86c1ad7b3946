namespace InventoryScanner.Analyzers
{
    /// <summary>A string value as far as the code says: text (holes written as <c>{expression}</c>) and how it was found.</summary>
    internal readonly struct ResolvedValue
    {
        public static readonly ResolvedValue None = default;

        public ResolvedValue(string? text, string source, string? expression)
        {
            Text = text;
            Source = source;
            Expression = expression;
        }

        /// <summary>The value, or <see langword="null"/> when nothing about it is known.</summary>
        public string? Text { get; }

        /// <summary>One of <see cref="TargetSources"/>.</summary>
        public string Source { get; }

        /// <summary>Source text of the expression, kept when the value is not fully known.</summary>
        public string? Expression { get; }

        public bool HasText => Text is not null;

        public bool IsFullyResolved => Text is not null && Source != TargetSources.Unresolved && Source != TargetSources.Interpolated;

        public static ResolvedValue Unresolved(string expression) =>
            new ResolvedValue(null, TargetSources.Unresolved, expression);

        /// <summary>The stronger (less certain) of two sources: unresolved beats interpolated beats constant beats literal.</summary>
        public static string Weaker(string a, string b) => Rank(a) >= Rank(b) ? a : b;

        private static int Rank(string source) => source switch
        {
            TargetSources.Literal => 0,
            TargetSources.Constant => 1,
            TargetSources.BaseAddress => 1,
            TargetSources.Interpolated => 2,
            _ => 3,
        };
    }
}
