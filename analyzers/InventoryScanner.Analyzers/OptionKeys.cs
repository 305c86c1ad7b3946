namespace InventoryScanner.Analyzers
{
    /// <summary>Analyzer option keys that hosts set as well as users (the scanner sets them for every project it scans).</summary>
    public static class OptionKeys
    {
        /// <summary>The per-repository salt of secret value hashes (INV9001's <c>valueHash</c>), in a global config.</summary>
        public const string SecretSalt = "inventory.secret_salt";
    }
}
