using System;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>The HTTP verb a client method's name implies: GetAsync, GetFromJsonAsync, GetJsonAsync → GET; ExecutePostAsync → POST.</summary>
    internal static class HttpVerbs
    {
        private static readonly string[] Verbs = { "Get", "Post", "Put", "Patch", "Delete", "Head", "Options" };

        /// <summary>The upper-case verbs, made once: every call whose name starts with a verb asks (GetHashCode, PutAll…).</summary>
        private static readonly string[] UpperVerbs = Array.ConvertAll(Verbs, verb => verb.ToUpperInvariant());

        public static string? FromMethodName(string name)
        {
            if (name.StartsWith("Execute", StringComparison.Ordinal))
            {
                name = name.Substring("Execute".Length);
            }

            for (var i = 0; i < Verbs.Length; i++)
            {
                if (name.StartsWith(Verbs[i], StringComparison.Ordinal))
                {
                    return UpperVerbs[i];
                }
            }

            return null;
        }
    }
}
