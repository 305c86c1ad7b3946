using Xunit;

namespace Contoso.Ordering.Tests;

public sealed class HealthTests
{
    private const string TestPassword = "test-only-pass-123";

    [Fact]
    public async Task Health_IsOk()
    {
        using var client = new HttpClient();
        var response = await client.GetAsync("http://localhost:5000/health");
        Assert.NotNull(response);
    }
}
