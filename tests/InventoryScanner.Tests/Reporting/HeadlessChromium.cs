using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace InventoryScanner.Tests.Reporting;

/// <summary>
/// Headless Chromium driven by Selenium, for tests that open a report from disk as its reader would. It needs Debian's
/// <c>chromium</c> and <c>chromium-driver</c> (or <c>CHROME_BIN</c> and <c>CHROMEDRIVER</c>): without them the tests are
/// skipped on a developer's machine, and fail where <c>INVENTORY_BROWSER_TESTS=required</c> (<c>.ci/run</c> sets it after
/// installing both), so CI never passes by skipping.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string RequiredVariable = "INVENTORY_BROWSER_TESTS";

    private HeadlessChromium(ChromeDriver driver) => Driver = driver;

    public ChromeDriver Driver { get; }

    public IJavaScriptExecutor Script => Driver;

    public static HeadlessChromium Start(int width = 1400, int height = 1000)
    {
        var browser = Environment.GetEnvironmentVariable("CHROME_BIN") ?? "/usr/bin/chromium";
        var driver = Environment.GetEnvironmentVariable("CHROMEDRIVER") ?? "/usr/bin/chromedriver";
        var missing = new[] { browser, driver }.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            var message = $"headless browser tests need {string.Join(" and ", missing)} (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "required", StringComparison.OrdinalIgnoreCase), message);
            Skip.If(true, message);
        }

        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--window-size={width},{height}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
    }

    public void Open(string file) => Driver.Navigate().GoToUrl(new Uri(Path.GetFullPath(file)).AbsoluteUri);

    /// <summary>Runs a script; a number comes back as a long or a double, whichever JSON gave, so it is converted.</summary>
    public T Run<T>(string script, params object[] arguments) =>
        (T)Convert.ChangeType(Script.ExecuteScript(script, arguments)!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Console errors, uncaught exceptions and Content-Security-Policy violations since the last call.</summary>
    public IReadOnlyList<string> Errors() =>
        Driver.Manage().Logs.GetLog(LogType.Browser).Where(entry => entry.Level >= LogLevel.Warning).Select(entry => entry.Message).ToList();

    /// <summary>Every resource the page asked for (images, scripts, styles, fetches): a self-contained report has none.</summary>
    public long Requests() => Run<long>("return performance.getEntriesByType('resource').length;");

    public void Dispose() => Driver.Quit();
}
