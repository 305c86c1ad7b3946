namespace InventoryScanner.Analyzers
{
    public static class RuleCategories
    {
        public const string Http = "Integration.Http";
        public const string Messaging = "Integration.Messaging";
        public const string Operations = "Integration.Operations";
        public const string Data = "Integration.Data";
        public const string Security = "Security";
    }
}
