using System.CommandLine;
using InventoryScanner.Core.Estate;

namespace InventoryScanner.Cli.Commands;

/// <summary>
/// <c>inventory manifest matrix|entry</c>: an estate manifest (<c>estate.yaml</c>) as the engines that fan the scans
/// out want it — a GitHub Actions matrix, or one entry for the pod of a Kubernetes indexed Job.
/// </summary>
internal static class ManifestCommand
{
    private static readonly Argument<string> ManifestArgument = new("manifest")
    {
        Description = "The estate manifest: 'repositories:' with a name, url, ref and path each.",
    };

    private static readonly Option<int> IndexOption = new("--index")
    {
        Description = "The entry's index, from 0 (a Job pod's JOB_COMPLETION_INDEX).",
        Required = true,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var matrix = new Command("matrix", "Print the manifest as a GitHub Actions matrix: {\"include\": [{name, url, ref, path, repository}, …]}.") { ManifestArgument };
        matrix.SetAction(parseResult => Run(error, () => output.WriteLine(EstateManifest.Read(parseResult.GetValue(ManifestArgument)!).Matrix())));
        var entry = new Command("entry", "Print one entry as shell variables (REPOSITORY_NAME, REPOSITORY_URL, REPOSITORY_REF, REPOSITORY_PATH), to eval in a pod.") { ManifestArgument, IndexOption };
        entry.SetAction(parseResult => Run(error, () => output.Write(EstateManifest.Read(parseResult.GetValue(ManifestArgument)!).Shell(parseResult.GetValue(IndexOption)))));
        return new Command("manifest", "Read an estate manifest for the fan-out of scans (docs/estate.md).") { matrix, entry };
    }

    private static int Run(TextWriter error, Action action)
    {
        try
        {
            action();
            return ExitCodes.Success;
        }
        catch (EstateException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.UsageError;
        }
    }
}
