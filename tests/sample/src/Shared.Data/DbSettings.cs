namespace Contoso.Shared.Data;

public static class DbSettings
{
    // Copied from the production server "just for now" in 2019.
    public const string OrdersConnectionString = "Server=sql-prod-01;Database=Orders;User Id=orders_app;Password=Orders!2019;TrustServerCertificate=true";

    public const string ReportingConnectionString = "Server=sql-prod-01;Database=Reporting;Integrated Security=true";
}
