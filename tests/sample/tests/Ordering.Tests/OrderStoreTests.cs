using Microsoft.Data.SqlClient;
using Xunit;

namespace Contoso.Ordering.Tests;

/// <summary>An integration test against the production database's name: the test's connection, never a third owner of it.</summary>
public sealed class OrderStoreTests
{
    [Fact]
    public async Task Orders_AreReadable()
    {
        await using var connection = new SqlConnection("Server=sql-prod-01;Database=Orders;Integrated Security=true");
        Assert.NotNull(connection);
        await Task.CompletedTask;
    }
}
