using InventoryScanner.Analyzers.Configuration;

namespace InventoryScanner.Analyzers.Tests;

public sealed class JsonConfigReaderTests
{
    [Fact]
    public void AspNetStyleJson_ShouldFlattenToConfigurationKeys()
    {
        var values = JsonConfigReader.Read("""
            {
              /* block comment */
              "Logging": { "LogLevel": { "Default": "Information", }, },
              "Hosts": [ "a.example", "b.example", ],
              "Retries": 3, "Enabled": true, "Proxy": null,
              "Escaped": "line\nbreak \u0041 \"quoted\"" // trailing comment
            }
            """, out var error);

        Assert.Null(error);
        Assert.Equal("Information", values!["logging:loglevel:default"]);
        Assert.Equal("b.example", values["Hosts:1"]);
        Assert.Equal("3", values["Retries"]);
        Assert.Equal("true", values["Enabled"]);
        Assert.Equal(string.Empty, values["Proxy"]);
        Assert.Equal("line\nbreak A \"quoted\"", values["Escaped"]);
    }

    [Theory]
    [InlineData("{ \"a\": ")]
    [InlineData("{ \"a\": \"unterminated }")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"a\": 1 } trailing")]
    [InlineData("{ \"a\" 1 }")]
    public void InvalidJson_ShouldBeRejectedWithALine(string json)
    {
        Assert.Null(JsonConfigReader.Read(json, out var error));
        Assert.Contains("line", error);
    }
}
