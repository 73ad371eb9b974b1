using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Homelab.Tests.Integration;

/// <summary>
/// Publishes the dashboard the way the Dockerfile does and runs the output as a plain process in Production:
/// it must start, serve every page and every asset those pages link, and refuse bad configuration plainly.
/// </summary>
public sealed partial class PublishedAppTests(PublishedAppFixture published) : IClassFixture<PublishedAppFixture>
{
    [Fact]
    public void ImageRuntimeSettings_Dockerfile_AreReadForThePublishedApp()
    {
        // The published app runs with these; an empty read would silently test other settings than the image's.
        var settings = PublishedAppFixture.ImageRuntimeSettings();

        Assert.Equal("0", settings["DOTNET_gcServer"]);
        Assert.StartsWith("0x", settings["DOTNET_GCgen0size"], StringComparison.Ordinal);
        Assert.StartsWith("0x", settings["DOTNET_GCRegionSize"], StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_Output_ContainsTheTopLevelWebRoot()
    {
        foreach (var file in new[] { "css/app.css", "js/app.js", "manifest.webmanifest", "icons/icon.svg", "sw.js", "offline.html", "js/pwa.js", "icons/icon-192.png", "icons/icon-512.png" })
        {
            Assert.True(File.Exists(Path.Combine(published.PublishDirectory, "wwwroot", file)), $"wwwroot/{file} missing from publish output");
        }
    }

    [Fact]
    public async Task Run_Production_ServesEveryPageAndLinkedAsset()
    {
        await using var app = await published.StartAsync([]);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var assets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in new[] { "/", "/cluster", "/containers", "/torrents", "/sources", "/chat", "/traces", "/audit" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (Match link in AssetLink().Matches(await response.Content.ReadAsStringAsync()))
            {
                assets.Add(link.Groups["url"].Value);
            }
        }

        Assert.Contains(assets, a => a.StartsWith("css/app", StringComparison.Ordinal));
        Assert.Contains("manifest.webmanifest", assets);
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }

        var manifest = await client.GetAsync("manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Run_InvalidConfiguration_ExitsListingEveryProblem()
    {
        var (exitCode, stderr) = await published.RunToExitAsync(new()
        {
            ["Homelab__Proxmox__Url"] = "http://pve.lan:8006",
            ["Homelab__Proxmox__TokenSecret"] = "do-not-print-me",
            ["Homelab__Docker__Hosts__0__Endpoint"] = "ftp://nas",
            ["Homelab__Docker__PollInterval"] = "often",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("configuration has problems", stderr, StringComparison.Ordinal);
        Assert.Contains("Homelab:Proxmox:Url must be an absolute https:// URL", stderr, StringComparison.Ordinal);
        Assert.Contains("Homelab:Proxmox:TokenId is required", stderr, StringComparison.Ordinal);
        Assert.Contains("Homelab:Docker:Hosts:0:Name is required", stderr, StringComparison.Ordinal);
        Assert.Contains("Homelab:Docker:PollInterval: 'often' is not a valid duration", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:href|src)=""(?<url>(?!https?:|//|#|data:)[^""]+\.(?:css|js|svg|png|webmanifest)[^""]*)""")]
    private static partial Regex AssetLink();
}

/// <summary>Publishes once per test run into a temporary folder.</summary>
public sealed partial class PublishedAppFixture : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("homelab-publish-").FullName;

    public string PublishDirectory => Path.Combine(_root, "app");

    public async ValueTask InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "Homelab.Dashboard", "Homelab.Dashboard.csproj");
        var (exitCode, output) = await RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", PublishDirectory, "-p:UseAppHost=false", "-nologo"], [], TimeSpan.FromMinutes(4));
        Assert.True(exitCode == 0, $"dotnet publish failed:\n{output}");
    }

    public async Task<RunningApp> StartAsync(Dictionary<string, string> environment)
    {
        var port = FreePort();
        var dataDirectory = Path.Combine(_root, $"data-{port}");
        var process = Start(new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Homelab__Database__Path"] = Path.Combine(dataDirectory, "homelab.db"),
            ["Homelab__Simulator__ProxmoxPort"] = "0",
            ["Homelab__Simulator__DockerPort"] = "0",
            ["Homelab__Simulator__QBittorrentPort"] = "0",
            ["Homelab__Simulator__GluetunPort"] = "0",
        });
        var app = new RunningApp(process, new Uri($"http://127.0.0.1:{port}/"));
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            Assert.False(process.HasExited, $"the app exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await client.GetAsync(new Uri(app.BaseAddress, "healthz"))).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "the published app did not answer /healthz within 30 s");
            await Task.Delay(200);
        }
    }

    public async Task<(int ExitCode, string Stderr)> RunToExitAsync(Dictionary<string, string> environment)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        environment["Homelab__Database__Path"] = Path.Combine(_root, "data-invalid", "homelab.db");
        using var process = Start(environment);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private Process Start(Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(PublishDirectory, "Homelab.Dashboard.dll")])
        {
            WorkingDirectory = PublishDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // The runtime settings the image ships with (GC budgets), so a setting the runtime refuses fails here.
        foreach (var (key, value) in ImageRuntimeSettings())
        {
            info.Environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>The <c>DOTNET_*</c> variables the Dockerfile's <c>ENV</c> sets.</summary>
    internal static IReadOnlyDictionary<string, string> ImageRuntimeSettings() =>
        DotnetSettingPattern().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "Dockerfile")))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*(?:ENV\s+)?(?<name>DOTNET_\w+)=(?<value>\S+?)\s*\\?\s*$", RegexOptions.Multiline)]
    private static partial Regex DotnetSettingPattern();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Homelab.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Homelab.slnx not found above the test folder.");
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>A started copy of the published app; stopped on dispose.</summary>
public sealed class RunningApp(Process process, Uri baseAddress) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = baseAddress;

    public Process Process { get; } = process;

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }
}
