using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security.Local;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Security;

/// <summary>
/// At start-up: creates the first local admin when asked to, and warns when nobody has to sign in although the
/// dashboard talks to a real homelab. Registered after the database initializer and the simulator.
/// </summary>
internal sealed partial class AuthStartupChecks(
    IOptionsMonitor<HomelabOptions> options,
    SourceCatalog sources,
    IServiceProvider services,
    ILogger<AuthStartupChecks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.CurrentValue.Auth;
        if (auth.Mode == AuthMode.Local)
        {
            await services.GetRequiredService<LocalAccounts>().EnsureInitialAdminAsync(cancellationToken);
        }

        if (auth.Mode == AuthMode.None && RealSources() is { Count: > 0 } real)
        {
            LogNoSignIn(logger, string.Join(", ", real), auth.DemoUser, auth.DemoRole);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private List<string> RealSources()
    {
        var resolved = sources.Resolve();
        var real = new List<string>();
        if (resolved.Proxmox is { Simulated: false })
        {
            real.Add("Proxmox");
        }

        real.AddRange(resolved.Docker.Where(d => !d.Simulated).Select(d => $"Docker {d.Name}"));
        if (resolved.QBittorrent is { Simulated: false })
        {
            real.Add("qBittorrent");
        }

        if (resolved.Gluetun is { Simulated: false })
        {
            real.Add("gluetun");
        }

        if (resolved.Ollama is { Simulated: false })
        {
            real.Add("Ollama");
        }

        return real;
    }

    [LoggerMessage(5001, LogLevel.Warning, "Homelab:Auth:Mode is None, so everyone who can reach the dashboard is {DemoUser} ({DemoRole}), yet it talks to real sources ({Sources}). Set Homelab:Auth:Mode to ForwardAuth, Local or Oidc.")]
    private static partial void LogNoSignIn(ILogger logger, string sources, string demoUser, string demoRole);
}
