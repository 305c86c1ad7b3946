using Microsoft.Data.SqlClient;

namespace Contoso.Ordering;

/// <summary>Orders are saved where they always were: the Orders database.</summary>
public sealed class OrderStore(IConfiguration configuration)
{
    public async Task SaveAsync(Order order)
    {
        await using var connection = new SqlConnection(configuration.GetConnectionString("Orders"));
        await connection.OpenAsync();
        await using var command = new SqlCommand("insert into Orders (Sku, Quantity) values (@sku, @quantity)", connection);
        command.Parameters.AddWithValue("@sku", order.Sku);
        command.Parameters.AddWithValue("@quantity", order.Quantity);
        await command.ExecuteNonQueryAsync();
    }
}
