using System.Collections.Concurrent;
using System.Diagnostics;

namespace Homelab.Tests.Shared;

/// <summary>
/// A real <c>qbittorrent-nox</c> on loopback with its own profile in a temporary folder: WebUI on a free port with a
/// known username and a random password (login enforced for 127.0.0.1 too), BitTorrent on another free port, no DHT,
/// PeX, LSD or UPnP. Disposing kills it and deletes the folder.
/// </summary>
public sealed class RealQBittorrent : IAsyncDisposable
{
    public const string Username = "homelab-test";

    private const string Executable = "/usr/bin/qbittorrent-nox";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(20);

    private static readonly Lazy<Version> s_version = new(ReadVersion);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private RealQBittorrent(string name, string profile, int webUiPort, int peerPort, string password, Process process, ConcurrentQueue<string> output)
    {
        Name = name;
        ProfileDirectory = profile;
        Url = new Uri($"http://127.0.0.1:{webUiPort}/");
        PeerPort = peerPort;
        Password = password;
        _process = process;
        _output = output;
        Api = new QBittorrentWebApi(Url);
    }

    /// <summary>What the tests call this instance ("seeder", "downloader"), for messages.</summary>
    public string Name { get; }

    /// <summary>The temporary folder holding the profile, the downloads and the generated files.</summary>
    public string ProfileDirectory { get; }

    /// <summary>Where torrents are saved unless told otherwise.</summary>
    public string DownloadDirectory => Path.Combine(ProfileDirectory, "downloads");

    /// <summary>A folder for files this instance is to seed.</summary>
    public string ContentDirectory => Path.Combine(ProfileDirectory, "content");

    /// <summary>The WebUI, e.g. <c>http://127.0.0.1:41234/</c>: what <c>Homelab:QBittorrent:Url</c> is set to.</summary>
    public Uri Url { get; }

    /// <summary>The BitTorrent listening port.</summary>
    public int PeerPort { get; }

    /// <summary>This instance as a peer, in the form <c>torrents/addPeers</c> takes.</summary>
    public string PeerAddress => $"127.0.0.1:{PeerPort}";

    /// <summary>Random per instance; the username is <see cref="Username"/>.</summary>
    public string Password { get; }

    /// <summary>The harness's own session (already logged in), independent of the dashboard.</summary>
    public QBittorrentWebApi Api { get; }

    /// <summary>qBittorrent's log file; failed logins show up there as "WebAPI login failure".</summary>
    public string LogFile => Path.Combine(ProfileDirectory, "qBittorrent", "data", "logs", "qbittorrent.log");

    /// <summary>The version of the installed qbittorrent-nox.</summary>
    public static Version InstalledVersion => s_version.Value;

    /// <summary>Starts an instance and logs the harness in; retries with other ports if one was taken meanwhile.</summary>
    public static async Task<RealQBittorrent> StartAsync(string name, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var instance = Launch(name);
            string? problem;
            try
            {
                problem = await instance.WaitUntilReadyAsync(cancellationToken);
            }
            catch
            {
                await instance.DisposeAsync();
                throw;
            }

            if (problem is null)
            {
                return instance;
            }

            var diagnostics = instance.Diagnostics();
            await instance.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"qbittorrent-nox ({name}) did not start: {problem}{Environment.NewLine}{diagnostics}");
            }
        }
    }

    /// <summary>The lines in qBittorrent's log containing <paramref name="text"/>, read through the API (the file lags behind).</summary>
    public async Task<int> CountLogLinesAsync(string text, CancellationToken cancellationToken = default) =>
        (await Api.ReadLogAsync(cancellationToken)).Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Polls <c>torrents/info</c> until <paramref name="condition"/> holds; fails the test with the last state otherwise.</summary>
    public async Task<QBittorrentTorrentInfo?> WaitForTorrentAsync(string hash, Func<QBittorrentTorrentInfo?, bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var torrent = await Api.GetTorrentAsync(hash);
            if (condition(torrent))
            {
                return torrent;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {Name} to show {what}; it shows {torrent?.ToString() ?? "no such torrent"}.{Environment.NewLine}{Diagnostics()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Its output and the end of its log file, for failure messages.</summary>
    public string Diagnostics()
    {
        var log = "";
        try
        {
            log = string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(30));
        }
        catch (IOException)
        {
        }

        return $"--- qbittorrent-nox {Name} output:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}{Environment.NewLine}--- {LogFile}:{Environment.NewLine}{log}";
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // It never started, or has gone already.
        }

        _process.Dispose();
        for (var attempt = 0; attempt < 5 && Directory.Exists(ProfileDirectory); attempt++)
        {
            try
            {
                Directory.Delete(ProfileDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file was still being written as the process died; it is closed now.
                await Task.Delay(100);
            }
        }
    }

    private static RealQBittorrent Launch(string name)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is not installed; ./test.sh installs it (apt-get install qbittorrent-nox).");
        }

        var profile = Directory.CreateTempSubdirectory($"homelab-qbt-{name}-").FullName;
        var webUiPort = FreePort.Next();
        var peerPort = FreePort.Next();
        var password = "pw-" + Guid.NewGuid().ToString("N")[..16];
        var downloads = Directory.CreateDirectory(Path.Combine(profile, "downloads")).FullName;
        Directory.CreateDirectory(Path.Combine(profile, "content"));
        QBittorrentProfile.Write(profile, webUiPort, peerPort, Username, password, downloads);

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--profile={profile}");
        start.ArgumentList.Add($"--webui-port={webUiPort}");
        if (InstalledVersion.Major >= 5)
        {
            start.ArgumentList.Add("--confirm-legal-notice");
        }

        // Qt and libtorrent keep nothing outside the profile.
        start.Environment["HOME"] = profile;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(profile, ".config");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(profile, ".cache");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(profile, ".local", "share");

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // 4.x asks to accept the legal notice on stdin when the config does not already say so.
        process.StandardInput.WriteLine("y");
        process.StandardInput.Close();
        return new RealQBittorrent(name, profile, webUiPort, peerPort, password, process, output);
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null && output.Count < 500)
        {
            output.Enqueue(line);
        }
    }

    /// <summary>Null once the WebUI answers, the harness is logged in and BitTorrent listens on its port; otherwise why not.</summary>
    private async Task<string?> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + s_startTimeout;
        while (!await Api.AnswersAsync(cancellationToken))
        {
            if (_process.HasExited)
            {
                return $"it exited with code {_process.ExitCode}";
            }

            if (DateTime.UtcNow > deadline)
            {
                return $"its WebUI did not answer on {Url} within {s_startTimeout.TotalSeconds} s";
            }

            await Task.Delay(50, cancellationToken);
        }

        var login = await Api.LoginAsync(Username, Password, cancellationToken);
        if (login.Trim() != "Ok.")
        {
            return $"the harness login was refused ({login})";
        }

        while (true)
        {
            var log = await Api.ReadLogAsync(cancellationToken);
            if (log.Any(line => line.Contains($"TCP/{PeerPort}", StringComparison.Ordinal) && line.Contains("Successfully listening", StringComparison.Ordinal)))
            {
                return null;
            }

            if (log.Any(line => line.Contains("Failed to listen", StringComparison.Ordinal)))
            {
                return $"BitTorrent could not listen on port {PeerPort}";
            }

            if (DateTime.UtcNow > deadline)
            {
                return $"BitTorrent did not report listening on port {PeerPort} within {s_startTimeout.TotalSeconds} s";
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static Version ReadVersion()
    {
        if (!File.Exists(Executable))
        {
            return new Version(0, 0);
        }

        using var process = Process.Start(new ProcessStartInfo(Executable, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        // "qBittorrent v4.5.2"
        var word = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()?.TrimStart('v');
        return Version.TryParse(word, out var version) ? version : new Version(0, 0);
    }
}
