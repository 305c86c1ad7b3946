using System;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>The HTTP verb a client method's name implies: GetAsync, GetFromJsonAsync, GetJsonAsync → GET; ExecutePostAsync → POST.</summary>
    internal static class HttpVerbs
    {
        private static readonly string[] Verbs = { "Get", "Post", "Put", "Patch", "Delete", "Head", "Options" };

        public static string? FromMethodName(string name)
        {
            if (name.StartsWith("Execute", StringComparison.Ordinal))
            {
                name = name.Substring("Execute".Length);
            }

            foreach (var verb in Verbs)
            {
                if (name.StartsWith(verb, StringComparison.Ordinal))
                {
                    return verb.ToUpperInvariant();
                }
            }

            return null;
        }
    }
}
