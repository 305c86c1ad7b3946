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

    public static bool TryRegister(out string? error)
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
                var instance = MSBuildLocator.QueryVisualStudioInstances()
                    .OrderByDescending(candidate => candidate.Version)
                    .FirstOrDefault();
                if (instance is null)
                {
                    error = "no .NET SDK with MSBuild was found; install the .NET SDK (https://dot.net) and make sure 'dotnet' is on the PATH";
                    return false;
                }

                MSBuildLocator.RegisterInstance(instance);
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
}
