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
    }
}
