namespace InventoryScanner.Cli;

/// <summary>The documented exit codes of <c>inventory</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A finding at or above <c>--fail-on</c>.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>Bad arguments, a path that does not exist, an output folder that cannot be written, a broken template.</summary>
    public const int UsageError = 2;

    /// <summary>No project could be analysed at all (the reports are still written and say why).</summary>
    public const int NothingScanned = 3;

    /// <summary>An unexpected internal error; <c>--verbosity diagnostic</c> prints its stack trace.</summary>
    public const int InternalError = 4;

    /// <summary>Stopped by Ctrl+C (or SIGTERM) before the reports were written; the previous reports are left as they were.</summary>
    public const int Cancelled = 130;
}
