using Homelab.Dashboard.Simulator.Ollama;

namespace Homelab.Tests.Dashboard.Simulator;

public sealed class ScriptedPhraseRulesTests
{
    /// <summary>Phrase, the rule expected to take it, the tool call it becomes.</summary>
    public static TheoryData<string, string, string, string> Cases { get; } = new()
    {
        { "What did you do today?", "recent actions", "list_recent_actions", "{}" },
        { "show me the recent actions", "recent actions", "list_recent_actions", "{}" },
        { "Pause all torrents", "pause all", "pause_all_torrents", "{}" },
        { "please resume all", "resume all", "resume_all_torrents", "{}" },
        { "stop container jellyfin", "stop container", "stop_container", """{"name":"jellyfin"}""" },
        { "Start container lncrawl please", "start container", "start_container", """{"name":"lncrawl"}""" },
        { "restart sonarr", "restart", "restart_container", """{"name":"sonarr"}""" },
        { "Can you restart the radarr container?", "restart", "restart_container", """{"name":"radarr"}""" },
        { "shut down gaming-bazzite", "shut down", "shutdown_guest", """{"guest":"gaming-bazzite"}""" },
        { "shutdown 103", "shut down", "shutdown_guest", """{"guest":"103"}""" },
        { "reboot the project-env lxc", "reboot", "reboot_guest", """{"guest":"project-env"}""" },
        { "start vm 106", "start vm", "start_guest", """{"guest":"106"}""" },
        { "stop vm valheim-server", "stop vm", "stop_guest", """{"guest":"valheim-server"}""" },
        { "start valheim-server", "start known", "start_guest", """{"guest":"valheim-server"}""" },
        { "start lncrawl", "start known", "start_container", """{"name":"lncrawl"}""" },
        { "stop work-env", "stop known", "stop_guest", """{"guest":"work-env"}""" },
        { "stop tdarr now", "stop known", "stop_container", """{"name":"tdarr"}""" },
        { "show me the logs of linkwarden", "logs of", "get_container_logs", """{"name":"linkwarden","lines":50}""" },
        { "logs for unpackerr", "logs of", "get_container_logs", """{"name":"unpackerr","lines":50}""" },
        { "sonarr logs", "name logs", "get_container_logs", """{"name":"sonarr","lines":50}""" },
        { "pause the ubuntu torrent", "pause torrent", "pause_torrent", """{"torrent":"ubuntu"}""" },
        { "resume debian netinst", "resume torrent", "resume_torrent", """{"torrent":"debian netinst"}""" },
        { "Anything unhealthy?", "problems", "list_problem_containers", "{}" },
        { "what's wrong with my homelab", "problems", "list_problem_containers", "{}" },
        { "any problems?", "problems", "list_problem_containers", "{}" },
        { "Is the VPN up?", "vpn", "get_vpn_status", "{}" },
        { "list my torrents", "torrents", "list_torrents", "{}" },
        { "how are the downloads going", "torrents", "list_torrents", "{}" },
        { "how much storage is left", "storage", "list_storage", "{}" },
        { "is any disk full?", "storage", "list_storage", "{}" },
        { "how are the nodes", "cluster", "get_cluster_status", "{}" },
        { "cluster status", "cluster", "get_cluster_status", "{}" },
        { "which containers are running", "containers", "list_containers", "{}" },
        { "list the sources", "sources", "list_sources", "{}" },
        { "what needs attention", "attention", "get_attention", "{}" },
        { "give me a summary", "summary", "get_homelab_summary", "{}" },
        { "How is the homelab?", "summary", "get_homelab_summary", "{}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Match_Phrase_BecomesItsToolCall(string phrase, string rule, string tool, string arguments)
    {
        var matched = ScriptedPhraseRules.Match(phrase, ScriptedVocabulary.Seed);

        Assert.NotNull(matched);
        Assert.Equal(rule, matched.Value.Rule.Name);
        Assert.Equal(tool, matched.Value.Call.Name);
        Assert.Equal(arguments, matched.Value.Call.ArgumentsJson);
    }

    [Fact]
    public void Rules_EveryRule_HasACase()
    {
        var covered = Cases.Select(c => (string)c.Data.Item2).ToHashSet();

        var uncovered = ScriptedPhraseRules.Rules.Select(r => r.Name).Where(name => !covered.Contains(name)).ToList();

        Assert.True(uncovered.Count == 0, "No case for: " + string.Join(", ", uncovered));
    }

    [Theory]
    [InlineData("restart")]
    [InlineData("start something-unknown")]
    [InlineData("hello there")]
    [InlineData("tell me a joke")]
    public void Match_NothingToActOn_IsNull(string phrase)
    {
        Assert.Null(ScriptedPhraseRules.Match(phrase, ScriptedVocabulary.Seed));
    }

    [Fact]
    public void Match_RestartIsNotStart_KeepsTheWordBoundary()
    {
        var matched = ScriptedPhraseRules.Match("restart valheim-server", ScriptedVocabulary.Seed);

        Assert.Equal("restart_container", matched?.Call.Name);
    }
}
