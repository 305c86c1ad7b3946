using Contoso.Shared.Data;
using Microsoft.Data.SqlClient;

namespace Contoso.Billing;

/// <summary>
/// Reads the orders straight from Ordering's database: in 2019 that was quicker than asking Ordering for an API.
/// </summary>
public static class InvoiceLedger
{
    public static int UnbilledOrders()
    {
        var connection = new SqlConnection(DbSettings.OrdersConnectionString);
        connection.Open();
        using var command = new SqlCommand("select count(*) from Orders where Billed = 0", connection);
        return (int)command.ExecuteScalar();
    }
}
