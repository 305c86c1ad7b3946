using Microsoft.Build.Locator;

namespace InventoryScanner.Workspace;

/// <summary>
/// Registers the .NET SDK's MSBuild with the Locator. Must run before any MSBuild type is loaded, so callers keep
/// MSBuild-touching code in methods that are only JIT-compiled after this returned.
/// </summary>
public static class MSBuildRegistration
{
    private static readonly Lock Gate = new();

    public static string? DotnetExecutable { get; private set; }

    /// <summary>The version of the SDK whose MSBuild this process uses.</summary>
    public static string? SdkVersion { get; private set; }

    /// <summary>
    /// Registers the SDK the .NET host picks for <paramref name="workingDirectory"/> (so the scanned repository's
    /// global.json is honoured when an installed SDK satisfies it), else the newest installed SDK: a pin that cannot be
    /// satisfied never stops the scan (<see cref="GlobalJson"/> says so in the inventory).
    /// </summary>
    public static bool TryRegister(string workingDirectory, out string? error)
    {
        lock (Gate)
        {
            error = null;
            if (MSBuildLocator.IsRegistered)
            {
                return true;
            }

            try
            {
                // Asking the host about a folder whose global.json it cannot satisfy makes it print the installed SDKs on
                // standard output: such a folder is not asked about at all.
                var instance = (GlobalJson.BlocksHost(workingDirectory) ? null : Query(workingDirectory)) ?? Query(GlobalJson.NeutralDirectory);
                if (instance is null)
                {
                    error = "no .NET SDK with MSBuild was found; install the .NET SDK (https://dot.net) and make sure 'dotnet' is on the PATH";
                    return false;
                }

                MSBuildLocator.RegisterInstance(instance);
                SdkVersion = instance.Version.ToString();
                var root = Directory.GetParent(instance.MSBuildPath.TrimEnd(Path.DirectorySeparatorChar))?.Parent?.FullName;
                var executable = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
                DotnetExecutable = executable is not null && File.Exists(executable) ? executable : "dotnet";
                return true;
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException)
            {
                error = "could not locate MSBuild: " + exception.Message;
                return false;
            }
        }
    }

    /// <summary>The SDK the .NET host resolves in <paramref name="workingDirectory"/>; null when its global.json cannot be satisfied.</summary>
    private static VisualStudioInstance? Query(string workingDirectory)
    {
        try
        {
            var options = new VisualStudioInstanceQueryOptions { DiscoveryTypes = DiscoveryType.DotNetSdk, WorkingDirectory = workingDirectory };
            return MSBuildLocator.QueryVisualStudioInstances(options).FirstOrDefault();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
