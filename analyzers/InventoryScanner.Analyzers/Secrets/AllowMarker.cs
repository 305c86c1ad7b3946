using System;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers.Secrets
{
    /// <summary>
    /// <c>// inventory:allow-secret &lt;reason&gt;</c> (or <c>&lt;!-- inventory:allow-secret &lt;reason&gt; --&gt;</c>, <c># …</c>) on the
    /// line of a value or the line above it: the value is known and accepted, for files that cannot hold a
    /// <c>#pragma</c> (appsettings.json, web.config) and for code alike. A marker without a reason does not count: the
    /// reason is the record of why the value may stay.
    /// </summary>
    internal static class AllowMarker
    {
        public const string Marker = "inventory:allow-secret";

        public static bool Allows(SourceText text, int position)
        {
            if (position < 0 || position > text.Length)
            {
                return false;
            }

            var line = text.Lines.GetLineFromPosition(position).LineNumber;
            return HasMarker(text.Lines[line].ToString()) || (line > 0 && HasMarker(text.Lines[line - 1].ToString()));
        }

        private static bool HasMarker(string line)
        {
            var index = line.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var reason = line.Substring(index + Marker.Length).Replace("-->", string.Empty).Trim();
            return reason.Length > 0;
        }
    }
}
