using Homelab.Tests.Shared;

namespace Homelab.Tests.Preview;

/// <summary>
/// Runs the preview server for a while so a person (or headless chromium) can look at the pages. Explicit: it only
/// runs when asked, e.g. <c>Homelab.Tests -class Homelab.Tests.Preview.PreviewServerRunner -explicit only</c> (the built test executable), with
/// <c>HOMELAB_PREVIEW_PORT</c> (default 5180), <c>HOMELAB_PREVIEW_SECONDS</c> (default 300) and
/// <c>HOMELAB_PREVIEW_PROXMOX_DOWN=1</c> to see stale cards.
/// </summary>
public sealed class PreviewServerRunner
{
    [Fact(Explicit = true)]
    public async Task Run()
    {
        var port = int.TryParse(Environment.GetEnvironmentVariable("HOMELAB_PREVIEW_PORT"), out var p) ? p : 5180;
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("HOMELAB_PREVIEW_SECONDS"), out var s) ? s : 300;
        var proxmoxDown = Environment.GetEnvironmentVariable("HOMELAB_PREVIEW_PROXMOX_DOWN") == "1";

        await using var server = PreviewServer.Start(port, proxmoxDown);
        TestContext.Current.SendDiagnosticMessage($"Preview at {server.Address} for {seconds} s");
        await Task.Delay(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);
    }
}
