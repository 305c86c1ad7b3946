using InventoryScanner.Analyzers.CodeFixes;

namespace InventoryScanner.Analyzers.Tests.CodeFixes;

public sealed class AppSettingsEditorTests
{
    [Theory]
    [InlineData("{}", "A:B", "{\n  \"A\": {\n    \"B\": \"v\"\n  }\n}")]
    [InlineData("{\r\n\t\"A\": {\r\n\t\t\"X\": 1\r\n\t}\r\n}", "A:B", "{\r\n\t\"A\": {\r\n\t\t\"X\": 1,\r\n\t\t\"B\": \"v\"\r\n\t}\r\n}")]
    [InlineData("{ \"A\": { } }", "A:B", "{ \"A\": {\n    \"B\": \"v\"\n  } }")]
    [InlineData("{\n  \"A\": 1, // one\n}", "C", "{\n  \"A\": 1, // one\n  \"C\": \"v\",\n}")]
    [InlineData("{\n  \"A\": 1 // one\n}", "C", "{\n  \"A\": 1, // one\n  \"C\": \"v\"\n}")]
    public void Add_ShouldInsertTheKeyWithoutReformatting(string text, string key, string expected)
    {
        var editor = AppSettingsEditor.Open(text)!;
        Assert.True(editor.Add(key, "v"));
        Assert.Equal(expected, editor.Text);
        Assert.Equal("v", AppSettingsEditor.Open(editor.Text)!.ValueOf(key));
    }

    [Theory]
    [InlineData("{ \"A\": \"scalar\" }", "A:B")]
    [InlineData("{ \"A\": { \"B\": \"x\" } }", "A:B")]
    public void Add_ShouldRefuse_WhenTheKeyExistsOrAScalarIsInTheWay(string text, string key)
    {
        var editor = AppSettingsEditor.Open(text)!;
        Assert.False(editor.Add(key, "v"));
        Assert.Equal(text, editor.Text);
    }

    [Fact]
    public void Open_ShouldRefuseInvalidJson() => Assert.Null(AppSettingsEditor.Open("{ \"A\": "));

    [Fact]
    public void Add_ShouldEscapeTheValue()
    {
        var editor = AppSettingsEditor.Open("{}")!;
        Assert.True(editor.Add("Path", "C:\\data \"quoted\""));
        Assert.Equal("C:\\data \"quoted\"", AppSettingsEditor.Open(editor.Text)!.ValueOf("Path"));
    }
}
