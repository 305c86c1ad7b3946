namespace InventoryScanner.Analyzers
{
    /// <summary>Analyzer option keys that hosts set as well as users (the scanner sets them for every project it scans).</summary>
    public static class OptionKeys
    {
        /// <summary>The per-repository salt of secret value hashes (INV9001's <c>valueHash</c>), in a global config.</summary>
        public const string SecretSalt = "inventory.secret_salt";

        /// <summary>
        /// The project's folder, as the .NET SDK passes it to analyzers (<c>build_property.ProjectDir</c> is compiler-visible
        /// by default); the scanner sets it where no build did. Compose services built from this folder run the project.
        /// </summary>
        public const string ProjectDirectory = "build_property.ProjectDir";

        /// <summary>
        /// An additional file's role, as item metadata (<c>&lt;AdditionalFiles Include="../../docker-compose.yml"
        /// InventoryScannerRole="environment" /&gt;</c> with <c>CompilerVisibleItemMetadata</c>): <c>environment</c> lends a
        /// deployment file to the project only for the environment it gives it; its secrets and services are reported by the
        /// project, or the repository, that owns it.
        /// </summary>
        public const string AdditionalFileRole = "build_metadata.AdditionalFiles.InventoryScannerRole";

        /// <summary>The <see cref="AdditionalFileRole"/> of a file lent for its environment.</summary>
        public const string EnvironmentRole = "environment";
    }
}
