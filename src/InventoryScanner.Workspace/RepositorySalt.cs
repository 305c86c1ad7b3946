using System.Security.Cryptography;
using System.Text;

namespace InventoryScanner.Workspace;

/// <summary>
/// The salt of a repository's secret hashes (<c>valueHash</c>, and so fingerprints): stable across scans of the same
/// repository, different between repositories. A report holds hashes of secrets; with a salt only the repository has,
/// a short password cannot be recovered from its hash by hashing guesses.
/// </summary>
public static class RepositorySalt
{
    /// <summary>The environment variable that sets the salt (for a team that wants the same hashes across forks).</summary>
    public const string Variable = "INVENTORY_SECRET_SALT";

    /// <summary>
    /// <c>INVENTORY_SECRET_SALT</c> when set; otherwise a hash of the repository's root commits (the same in every clone
    /// and fork, and not in any report); otherwise none, and the analyzers' built-in salt alone applies.
    /// </summary>
    public static (string? Salt, string Source) For(string root)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return (configured, Variable);
        }

        var roots = RootCommits(root);
        return roots is null
            ? (null, "none (not a git repository): secret hashes use the built-in salt")
            : (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("inventory-salt:" + roots)))[..32], "the repository's first commit");
    }

    private static string? RootCommits(string root)
    {
        var output = GitCommand.Run(root, TimeSpan.FromSeconds(10), "rev-list", "--max-parents=0", "HEAD");
        var commits = output?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToList();
        return commits is null or { Count: 0 } ? null : string.Join(",", commits);
    }
}
