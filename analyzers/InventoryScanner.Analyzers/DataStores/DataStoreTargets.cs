namespace InventoryScanner.Analyzers.DataStores
{
    /// <summary>What hosts may ask of a data-store finding's target, without parsing it themselves.</summary>
    public static class DataStoreTargets
    {
        /// <summary>
        /// Whether the target names one store (a database, a container, a host), so two components reaching it share that
        /// store; false for a cloud service reached with only a key or a region (<c>s3:aws</c>, <c>sendgrid:api</c>).
        /// </summary>
        public static bool NamesOneStore(string target) => ConnectionStrings.NamesOneStore(target);
    }
}
