using System;

namespace InventoryScanner.Analyzers
{
    /// <summary>
    /// Words at least one of which appears (case-insensitively) in the text of any file where the analyzer can report.
    /// Hosts use them as a cheap pre-filter: a file containing none of them is never bound. Words listed in the
    /// .editorconfig option named by <see cref="OptionKey"/> (comma-separated) count as trigger words too.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class TriggerWordsAttribute : Attribute
    {
        public TriggerWordsAttribute(params string[] words)
        {
            Words = words;
        }

        public string[] Words { get; }

        public string? OptionKey { get; set; }

        /// <summary>
        /// Longer words that contain a trigger word but never lead to a report (<c>CancellationToken</c> contains
        /// <c>token</c>): an occurrence of a trigger word inside one of them does not count.
        /// </summary>
        public string[] IgnoredWords { get; set; } = new string[0];

        /// <summary>
        /// Words that make a generated file (<c>&lt;auto-generated&gt;</c>, <c>*.Designer.cs</c>, <c>*.g.cs</c>) worth
        /// binding. Empty for analyzers that skip generated code; an analyzer of generated code lists the words of what
        /// it can find there, so a 3 MB migration snapshot is not bound for nothing.
        /// </summary>
        public string[] GeneratedCodeWords { get; set; } = new string[0];
    }
}
