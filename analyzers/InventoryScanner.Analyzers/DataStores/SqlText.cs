using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace InventoryScanner.Analyzers.DataStores
{
    /// <summary>
    /// What a SQL statement touches, read from its text: the verb (<c>select</c>, <c>insert</c>, <c>update</c>,
    /// <c>delete</c>, <c>merge</c>, <c>exec</c>) and the tables after <c>from</c>, <c>join</c>, <c>into</c>,
    /// <c>update</c>, <c>merge</c> and <c>delete</c>, and the procedure an <c>exec</c> runs. A reading, not a parser: enough to say which tables a component uses.
    /// </summary>
    internal static class SqlText
    {
        private static readonly Regex Verb = new Regex(@"^\s*(?:with\b.*?\)\s*)?(?<verb>select|insert|update|delete|merge|exec|execute|call|truncate|create|alter|drop)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

        private static readonly Regex Table = new Regex(@"\b(?:from|join|into|update|merge(?:\s+into)?|delete(?:\s+from)?|truncate\s+table)\s+(?<table>(?:[\[""`]?[A-Za-z_][\w$]*[\]""`]?\.){0,2}[\[""`]?[A-Za-z_#@][\w$]*[\]""`]?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

        private static readonly HashSet<string> NotTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "select", "from", "where", "set", "values", "into", "as", "on", "and", "or", "not", "exists", "dual", "lateral", "unnest", "table", "only", "top", "distinct",
        };

        /// <summary>The statement's verb, lower case; null when the text does not read as SQL.</summary>
        public static string? VerbOf(string text)
        {
            try
            {
                var match = Verb.Match(text);
                if (!match.Success)
                {
                    return null;
                }

                var verb = match.Groups["verb"].Value.ToLowerInvariant();
                return verb == "execute" ? "exec" : verb;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        private static readonly Regex Procedure = new Regex(@"^\s*(?:exec(?:ute)?|call)\s+(?<name>[\w\.\[\]""`$]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

        /// <summary>The stored procedure an <c>exec</c> or <c>call</c> statement runs, without brackets.</summary>
        public static string? ProcedureOf(string text)
        {
            try
            {
                var match = Procedure.Match(text);
                return match.Success ? new string(match.Groups["name"].Value.Where(c => c != '[' && c != ']' && c != '"' && c != '`').ToArray()) : null;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        /// <summary>The tables it names, as written without quotes or brackets (<c>dbo.Orders</c>), in order, once each.</summary>
        public static IReadOnlyList<string> TablesOf(string text)
        {
            var tables = new List<string>();
            try
            {
                foreach (Match match in Table.Matches(text))
                {
                    var table = new string(match.Groups["table"].Value.Where(c => c != '[' && c != ']' && c != '"' && c != '`').ToArray());
                    if (!NotTables.Contains(table) && !table.StartsWith("@", StringComparison.Ordinal) && !tables.Contains(table, StringComparer.OrdinalIgnoreCase))
                    {
                        tables.Add(table);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A statement too odd to read in time: its tables stay unknown.
            }

            return tables;
        }
    }
}
