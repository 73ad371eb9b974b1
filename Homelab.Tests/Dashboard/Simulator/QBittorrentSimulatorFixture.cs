using System.Globalization;
using System.Net;
using Homelab.Dashboard.Adapters.QBittorrent;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator;
using Homelab.Dashboard.Simulator.State;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>
/// One simulated qBittorrent per version a test class asks for, started on first use and shared by its tests. Tests
/// that ban the address, delete torrents or stop containers start their own with <see cref="QBittorrentSim.StartAsync"/>.
/// </summary>
public sealed class QBittorrentSimulatorFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<QBittorrentSim>> _started = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    internal Task<QBittorrentSim> GetAsync(string version)
    {
        lock (_gate)
        {
            if (!_started.TryGetValue(version, out var started))
            {
                started = QBittorrentSim.StartAsync(version);
                _started[version] = started;
            }

            return started;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var started in _started.Values)
        {
            await (await started).DisposeAsync();
        }
    }
}

/// <summary>
/// A simulated homelab serving one qBittorrent version on a free port, on a fake clock that only moves when a test
/// says so: what one request reads, the next reads too, unless the test ran the simulation in between.
/// </summary>
/// <remarks>
/// The clock starts at the real time because 5.2's session cookie carries an expiry in the simulator's time, and
/// <see cref="CookieContainer"/> judges it by the real one.
/// </remarks>
internal sealed class QBittorrentSim : IAsyncDisposable
{
    private QBittorrentSim(SimulatorFixture simulator, FakeTimeProvider time, string version)
    {
        Simulator = simulator;
        Time = time;
        Version = version;
    }

    public SimulatorFixture Simulator { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The configured version, e.g. <c>4.6.7</c>.</summary>
    public string Version { get; }

    public SimulatedHomelab Homelab => Simulator.Homelab;

    public Uri Url => Simulator.Endpoints.QBittorrentUrl!;

    public int Port => Url.Port;

    /// <summary>5.x says stop/start and <c>stoppedUP</c>; 4.x pause/resume and <c>pausedUP</c>.</summary>
    public bool StopStart => !Version.StartsWith('4');

    /// <summary>5.2's login: 204/401, the <c>QBT_SID_&lt;port&gt;</c> cookie and the API key.</summary>
    public bool ModernAuth => Version.StartsWith("5.2", StringComparison.Ordinal);

    public string CookieName => ModernAuth ? string.Create(CultureInfo.InvariantCulture, $"QBT_SID_{Port}") : "SID";

    public string PauseVerb => StopStart ? "stop" : "pause";

    public string ResumeVerb => StopStart ? "start" : "resume";

    public string Username => Simulator.Options.Simulator.QBittorrentUsername;

    public string Password => Simulator.Options.Simulator.QBittorrentPassword;

    public string ApiKey => Simulator.Options.Simulator.QBittorrentApiKey;

    public static async Task<QBittorrentSim> StartAsync(string version)
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var simulator = await SimulatorFixture.StartAsync(delayScale: 1, timeProvider: time, configure: options =>
        {
            options.Simulator.QBittorrentVersion = version;

            // A "real" Proxmox keeps the simulated one (and its fresh RSA key, most of a start's cost) from starting.
            options.Proxmox.Url = "https://proxmox.invalid:8006";
        });
        return new QBittorrentSim(simulator, time, version);
    }

    /// <summary>Runs the simulation for <paramref name="duration"/>, a tick a second as the host does.</summary>
    public void Run(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Homelab.Tick();
        }
    }

    /// <summary>Moves the clock in one step (an idle hour, a ban running out), then lets the simulation catch up at once.</summary>
    public void Jump(TimeSpan duration)
    {
        Time.Advance(duration);
        Homelab.Tick();
    }

    /// <summary>A client for the WebUI with no session yet.</summary>
    public QBittorrentWebUi Open() => new(Url, CookieName);

    /// <summary>A client for the WebUI, logged in with the simulator's credentials.</summary>
    public async Task<QBittorrentWebUi> LoginAsync()
    {
        var webUi = Open();
        using var response = await webUi.LoginAsync(Username, Password);
        Assert.Equal(ModernAuth ? HttpStatusCode.NoContent : HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(webUi.SessionId);
        return webUi;
    }

    /// <summary>The dashboard's real adapter, built the way the dashboard builds it, against this simulator.</summary>
    public QBittorrentClient CreateAdapter(string? password = null, string? apiKey = null, TimeProvider? time = null) =>
        (QBittorrentClient)QBittorrentAdapterFactory.Create(
            new QBittorrentConnection(Url, apiKey is null ? Username : null, apiKey is null ? password ?? Password : null, apiKey, Simulated: true),
            new QBittorrentOptions { RequestTimeout = TimeSpan.FromSeconds(10) },
            NullLoggerFactory.Instance,
            time ?? TimeProvider.System);

    /// <summary>How many requests the qBittorrent server has answered so far.</summary>
    public async Task<long> RequestCountAsync()
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync(SimulatorHost.RequestCountPath, TestContext.Current.CancellationToken);
        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>Stops or starts a container as <c>docker stop -t 0</c> / <c>docker start</c> would, moving the clock until it is done.</summary>
    public async Task SetContainerRunningAsync(string name, bool running)
    {
        var command = running
            ? Homelab.StartContainerAsync(name, TestContext.Current.CancellationToken)
            : Homelab.StopContainerAsync(name, 0, TestContext.Current.CancellationToken);
        while (!command.IsCompleted)
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        await command;
        Homelab.Tick();
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
