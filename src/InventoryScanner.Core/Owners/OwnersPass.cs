using InventoryScanner.Core.Passes;

namespace InventoryScanner.Core.Owners;

/// <summary>
/// Owners from the repository's CODEOWNERS (<see cref="CodeOwners"/>) on each component (by its project file) and each
/// finding (by its file), and the accepted secrets' too. Nothing is set when the repository has no CODEOWNERS.
/// </summary>
public sealed class OwnersPass : IInventoryPass
{
    public void Run(InventoryDraft draft)
    {
        var (root, prefix) = RepositoryRoot.Of(draft.Scan.Root);
        if (CodeOwners.Find(root, draft.Messages) is not { } owners)
        {
            return;
        }

        draft.OwnersFile = owners.File;
        foreach (var component in draft.Scan.Components)
        {
            component.Owners = owners.OwnersOf(prefix + component.Project);
        }

        foreach (var finding in draft.Findings)
        {
            finding.Owners = owners.OwnersOf(prefix + finding.Path);
        }
    }
}
