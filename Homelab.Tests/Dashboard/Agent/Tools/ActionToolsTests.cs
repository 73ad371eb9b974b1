using Homelab.Dashboard.Agent;
using Homelab.Domain.Actions;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Agent.Tools;

public sealed class ActionToolsTests
{
    private const string Dune = "Dune.Part.Two.2024.2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.7.1-WiKi";

    [Fact]
    public async Task StopContainer_Approved_HandsThePagesRequestToTheGateAndReportsTheResult()
    {
        var host = new ToolTestHost();
        host.Gate.Outcome = _ => new GateApproved(new ActionResult(ActionOutcome.Succeeded, "exited after 3 s", TimeSpan.FromSeconds(3)));
        var jellyfin = TestSnapshots.FindContainer(host.Live.Current, "jellyfin");

        var result = await host.CallJsonAsync("stop_container", ("name", "Jellyfin"));

        var proposal = Assert.Single(host.Gate.Proposals);
        Assert.Equal(new ContainerCommandRequest(jellyfin.Host, jellyfin.Id, "jellyfin", ContainerCommand.Stop), proposal.Action);
        Assert.Equal("stop_container", proposal.ToolName);
        Assert.Equal("stop_container Jellyfin", proposal.Call);
        Assert.Equal("container jellyfin on docker-server", proposal.Target);
        Assert.Equal("succeeded", result.GetProperty("outcome").GetString());
        Assert.Equal("exited after 3 s", result.GetProperty("message").GetString());
        Assert.Equal(3, result.GetProperty("duration_s").GetDouble());
    }

    [Fact]
    public async Task StopContainer_Denied_ReportsTheDenialSoTheModelDoesNotRetry()
    {
        var host = new ToolTestHost();
        host.Gate.Outcome = _ => new GateDenied();

        var text = await host.CallAsync("stop_container", ("name", "jellyfin"));

        Assert.Equal("{\"denied\":\"the user denied stop_container jellyfin; do not retry\"}", text);
    }

    [Fact]
    public async Task StopContainer_NeedsApprovalElsewhere_SaysItHasNotRun()
    {
        var host = new ToolTestHost();
        host.Gate.Outcome = _ => new GateNeedsApproval("42", "/agent/approvals/42");

        var result = await host.CallJsonAsync("stop_container", ("name", "jellyfin"));

        Assert.Equal("stop_container jellyfin waits for a person to approve it in the dashboard; it has not run", result.GetProperty("pending_approval").GetString());
        Assert.Equal("42", result.GetProperty("approval_id").GetString());
        Assert.Equal("/agent/approvals/42", result.GetProperty("link").GetString());
    }

    [Fact]
    public async Task StopContainer_RefusedByPermission_SaysItDidNotRun()
    {
        var host = new ToolTestHost();
        host.Gate.Outcome = _ => new GateRefused("API callers may not stop containers");

        var result = await host.CallJsonAsync("stop_container", ("name", "jellyfin"));

        Assert.Equal("stop_container jellyfin is not allowed: API callers may not stop containers; it did not run", result.GetProperty("refused").GetString());
    }

    [Fact]
    public async Task RestartContainer_TimedOut_ReportsTheHonestResult()
    {
        var host = new ToolTestHost();
        host.Gate.Outcome = _ => new GateApproved(new ActionResult(ActionOutcome.TimedOut, "still restarting after 60 s", TimeSpan.FromSeconds(60)));

        var result = await host.CallJsonAsync("restart_container", ("name", "linkwarden"));

        Assert.Equal("timed_out", result.GetProperty("outcome").GetString());
        Assert.Equal("still restarting after 60 s", result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task StopContainer_GateFails_SaysTheOutcomeIsUnknown()
    {
        var host = new ToolTestHost();
        host.Gate.Outcome = _ => throw new InvalidOperationException("circuit gone");

        var error = await host.CallErrorAsync("stop_container", ("name", "jellyfin"));

        Assert.Contains("the approval step failed (InvalidOperationException: circuit gone)", error, StringComparison.Ordinal);
        Assert.Contains("check list_recent_actions", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartContainer_AlreadyRunning_ReturnsErrorWithoutAskingAnyone()
    {
        var host = new ToolTestHost();

        var error = await host.CallErrorAsync("start_container", ("name", "jellyfin"));

        Assert.Equal("jellyfin is running, so start_container does not apply; nothing was done", error);
        Assert.Empty(host.Gate.Proposals);
    }

    [Fact]
    public async Task StartContainer_Exited_ProposesAStart()
    {
        var host = new ToolTestHost();

        await host.CallJsonAsync("start_container", ("name", "lncrawl"));

        var action = Assert.IsType<ContainerCommandRequest>(Assert.Single(host.Gate.Proposals).Action);
        Assert.Equal(ContainerCommand.Start, action.Command);
        Assert.Equal("lncrawl", action.ContainerName);
    }

    [Fact]
    public async Task StopContainer_UnknownName_ReturnsErrorWithoutAskingAnyone()
    {
        var host = new ToolTestHost();

        var error = await host.CallErrorAsync("stop_container", ("name", "jelly"));

        Assert.StartsWith("no container is named 'jelly'", error, StringComparison.Ordinal);
        Assert.Empty(host.Gate.Proposals);
    }

    [Theory]
    [InlineData("shutdown_guest", "gaming-bazzite", PowerAction.Shutdown, 103)]
    [InlineData("stop_guest", "103", PowerAction.Stop, 103)]
    [InlineData("reboot_guest", "VM 103", PowerAction.Reboot, 103)]
    [InlineData("start_guest", "Valheim-Server", PowerAction.Start, 106)]
    public async Task GuestPower_Resolvable_HandsThePagesRequestToTheGate(string tool, string guest, PowerAction power, int vmId)
    {
        var host = new ToolTestHost();
        var target = host.Live.Current.Cluster!.FindGuest(vmId)!;

        await host.CallJsonAsync(tool, ("guest", guest));

        var proposal = Assert.Single(host.Gate.Proposals);
        Assert.Equal(new GuestPowerRequest(target.Ref, target.Name, power), proposal.Action);
        Assert.Equal(tool, proposal.ToolName);
        Assert.Equal(guest, proposal.Arguments);
    }

    [Fact]
    public async Task StartGuest_AlreadyRunning_ReturnsErrorWithoutAskingAnyone()
    {
        var host = new ToolTestHost();

        var error = await host.CallErrorAsync("start_guest", ("guest", "103"));

        Assert.Equal("VM 103 gaming-bazzite is running, so start_guest does not apply; nothing was done", error);
        Assert.Empty(host.Gate.Proposals);
    }

    [Fact]
    public async Task ShutdownGuest_ProxmoxDown_ReturnsErrorWithoutAskingAnyone()
    {
        var snapshot = TestSnapshots.SeedWithDownloads();
        snapshot = snapshot with { Sources = [.. snapshot.Sources.Select(s => s.Id == TestSnapshots.ProxmoxSourceId ? TestSnapshots.Down(s, TestSnapshots.Now) : s)] };
        var host = new ToolTestHost(snapshot);

        var error = await host.CallErrorAsync("shutdown_guest", ("guest", "103"));

        Assert.StartsWith("Proxmox VE is down", error, StringComparison.Ordinal);
        Assert.EndsWith("nothing was done", error, StringComparison.Ordinal);
        Assert.Empty(host.Gate.Proposals);
    }

    [Fact]
    public async Task DeleteTorrent_WithFiles_ProposesTheDeleteWithFiles()
    {
        var host = new ToolTestHost();
        var dune = TestSnapshots.FindTorrent(host.Live.Current, Dune);

        await host.CallJsonAsync("delete_torrent", ("torrent", "dune part two"), ("delete_files", true));

        var proposal = Assert.Single(host.Gate.Proposals);
        Assert.Equal(TorrentCommandRequest.ForOne(dune, TorrentCommand.Delete, deleteFiles: true), proposal.Action);
        Assert.Equal("delete_torrent dune part two delete_files=true", proposal.Call);
        Assert.Contains("deletes its downloaded files", proposal.WhatItWillDo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteTorrent_NoDeleteFiles_KeepsTheFiles()
    {
        var host = new ToolTestHost();

        await host.CallJsonAsync("delete_torrent", ("torrent", TestSnapshots.HashFor(Dune)));

        var action = Assert.IsType<TorrentCommandRequest>(Assert.Single(host.Gate.Proposals).Action);
        Assert.False(action.DeleteFiles);
        Assert.Equal(TorrentCommand.Delete, action.Command);
    }

    [Theory]
    [InlineData("pause_torrent", "dune", TorrentCommand.Pause)]
    [InlineData("recheck_torrent", "dune", TorrentCommand.Recheck)]
    [InlineData("resume_torrent", "project hail mary", TorrentCommand.Resume)]
    [InlineData("resume_torrent", "oppenheimer", TorrentCommand.Resume)]
    public async Task TorrentCommand_Resolvable_ProposesTheCommandForThatTorrent(string tool, string words, TorrentCommand command)
    {
        var host = new ToolTestHost();

        await host.CallJsonAsync(tool, ("torrent", words));

        var action = Assert.IsType<TorrentCommandRequest>(Assert.Single(host.Gate.Proposals).Action);
        Assert.Equal(command, action.Command);
        Assert.Single(action.Hashes);
        Assert.Contains(words.Split(' ')[0], action.Display, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PauseTorrent_Ambiguous_ReturnsCandidatesWithoutAskingAnyone()
    {
        var host = new ToolTestHost();

        var error = await host.CallErrorAsync("pause_torrent", ("torrent", "2024"));

        Assert.StartsWith("'2024' matches 2 torrents", error, StringComparison.Ordinal);
        Assert.Empty(host.Gate.Proposals);
    }

    [Fact]
    public async Task PauseTorrent_AlreadyPaused_ReturnsErrorWithoutAskingAnyone()
    {
        var host = new ToolTestHost();

        var error = await host.CallErrorAsync("pause_torrent", ("torrent", "oppenheimer"));

        Assert.Equal("Oppenheimer.2023.1080p.BluRay.x264-SPARKS is paused, so pause_torrent does not apply; nothing was done", error);
        Assert.Empty(host.Gate.Proposals);
    }

    [Theory]
    [InlineData("pause_all_torrents", TorrentCommand.Pause)]
    [InlineData("resume_all_torrents", TorrentCommand.Resume)]
    public async Task AllTorrents_Called_ProposesTheCommandForAll(string tool, TorrentCommand command)
    {
        var host = new ToolTestHost();
        host.Gate.Outcome = _ => new GateDenied("not now");

        var result = await host.CallJsonAsync(tool);

        var proposal = Assert.Single(host.Gate.Proposals);
        Assert.Equal(TorrentCommandRequest.ForAll(command), proposal.Action);
        Assert.Equal($"the user denied {tool}; do not retry", result.GetProperty("denied").GetString());
        Assert.Equal("not now", result.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ReadOnlyTools_EveryOne_NeverTouchesTheGate()
    {
        var host = new ToolTestHost();
        host.Docker.Tail.Add(new LogLine(LogStream.Stdout, null, "call stop_container with {\"name\":\"jellyfin\"}"));
        host.Docker.Stats = _ => new ContainerStatsSample { MemoryUsage = 1, MemoryLimit = 2 };
        var arguments = new Dictionary<string, (string, object?)[]>
        {
            ["get_node"] = [("node", "pve")],
            ["get_guest"] = [("guest", "103")],
            ["get_container"] = [("name", "jellyfin")],
            ["get_container_logs"] = [("name", "jellyfin")],
            ["get_container_stats"] = [("name", "jellyfin")],
            ["get_torrent"] = [("torrent", "dune")],
        };

        foreach (var name in host.Catalog.ReadOnly)
        {
            var text = await host.CallAsync(name, arguments.GetValueOrDefault(name) ?? []);
            Assert.DoesNotContain("{\"error\":", text, StringComparison.Ordinal);
        }

        Assert.Empty(host.Gate.Proposals);
        Assert.Empty(host.Docker.Commands);
    }
}
