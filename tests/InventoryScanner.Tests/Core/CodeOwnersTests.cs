using InventoryScanner.Core.Owners;

namespace InventoryScanner.Tests.Core;

/// <summary>CODEOWNERS as GitHub and GitLab read it: where the file is, patterns, precedence, sections.</summary>
public sealed class CodeOwnersTests
{
    private const string GitHub = """
        # The default owners: everything, unless a later line matches.
        *       @contoso/architects
        *.json  @contoso/config    # trailing comment
        **/logs @contoso/ops
        /build/logs/ @doctocat
        docs/*  docs@example.com
        apps/   @octocat
        /src/Billing/ @contoso/payments @lead
        /src/Billing/Legacy/
        src/Orders/Api\ Host/ @contoso/orders
        \#notes @contoso/notes
        """;

    [Theory]
    [InlineData("src/Shipping/Client.cs", "@contoso/architects")]
    [InlineData("src/Shipping/appsettings.json", "@contoso/config")]
    [InlineData("build/logs/run.txt", "@doctocat")]
    [InlineData("nested/build/logs/run.txt", "@contoso/ops")]
    [InlineData("docs/guide.md", "docs@example.com")]
    [InlineData("docs/deep/guide.md", "@contoso/architects")]
    [InlineData("web/apps/site/index.cs", "@octocat")]
    [InlineData("src/Billing/Worker.cs", "@contoso/payments @lead")]
    [InlineData("src/Billing/appsettings.json", "@contoso/payments @lead")]
    [InlineData("src/Billing/Legacy/Old.cs", "")]
    [InlineData("src/Orders/Api Host/Program.cs", "@contoso/orders")]
    [InlineData("#notes", "@contoso/notes")]
    public void GitHubSyntax_ShouldGiveTheLastMatchingLinesOwners(string path, string owners)
    {
        Assert.Equal(owners, string.Join(' ', CodeOwners.Parse(GitHub).OwnersOf(path)));
    }

    [Fact]
    public void GitLabSections_ShouldEachGiveTheirLastMatch_WithTheirDefaultOwners()
    {
        var owners = CodeOwners.Parse("""
            * @contoso/architects
            [Database] @contoso/dba
            *.sql
            /db/legacy/ @contoso/legacy-dba
            ^[Docs][2] @contoso/writers
            docs/
            [Security]
            appsettings*.json @contoso/security
            """);

        Assert.Equal("@contoso/architects @contoso/dba", string.Join(' ', owners.OwnersOf("src/Orders/Schema.sql")));
        Assert.Equal("@contoso/architects @contoso/legacy-dba", string.Join(' ', owners.OwnersOf("db/legacy/Init.sql")));
        Assert.Equal("@contoso/architects @contoso/writers", string.Join(' ', owners.OwnersOf("docs/index.md")));
        Assert.Equal("@contoso/architects @contoso/security", string.Join(' ', owners.OwnersOf("src/Api/appsettings.Production.json")));
    }

    [Fact]
    public void TheFirstLocationThatHasOne_ShouldBeTheFile_GitHubsOrderFirst()
    {
        var repository = Directory.CreateTempSubdirectory("inventory-owners-").FullName;
        Directory.CreateDirectory(Path.Combine(repository, ".github"));
        Directory.CreateDirectory(Path.Combine(repository, "docs"));
        File.WriteAllText(Path.Combine(repository, "CODEOWNERS"), "* @root");
        File.WriteAllText(Path.Combine(repository, "docs", "CODEOWNERS"), "* @docs");
        Assert.Equal(("CODEOWNERS", "@root"), (CodeOwners.Find(repository)!.File, CodeOwners.Find(repository)!.OwnersOf("a.cs").Single()));

        File.WriteAllText(Path.Combine(repository, ".github", "CODEOWNERS"), "* @github");
        Assert.Equal(("@github"), CodeOwners.Find(repository)!.OwnersOf("a.cs").Single());
        Assert.Null(CodeOwners.Find(Directory.CreateTempSubdirectory("inventory-owners-").FullName));
    }
}
