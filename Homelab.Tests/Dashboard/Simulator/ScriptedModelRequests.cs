using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.Ollama;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>Builds chat requests for the scripted model the way OllamaSharp sends them.</summary>
internal static class ScriptedModelRequests
{
    /// <summary>Every tool the agent offers.</summary>
    public static readonly string[] AllTools =
    [
        "get_homelab_summary", "get_cluster_status", "list_nodes", "get_node", "list_guests", "get_guest", "list_storage",
        "list_containers", "get_container", "get_container_logs", "get_container_stats", "list_problem_containers",
        "list_torrents", "get_torrent", "get_transfer_info", "get_vpn_status", "list_sources", "get_attention",
        "list_recent_actions", "start_guest", "shutdown_guest", "stop_guest", "reboot_guest", "start_container",
        "stop_container", "restart_container", "pause_torrent", "resume_torrent", "recheck_torrent", "delete_torrent",
        "pause_all_torrents", "resume_all_torrents",
    ];

    public static OllamaSimMessage User(string text) => new("user", text, []);

    public static OllamaSimMessage SystemPrompt(string text) => new("system", text, []);

    public static OllamaSimMessage Called(string tool, JsonObject? arguments = null) => new("assistant", "", [OllamaSimToolCall.Create(tool, arguments)]);

    /// <summary>A tool result in OllamaSharp's wrapper.</summary>
    public static OllamaSimMessage Result(string result) =>
        new("tool", new JsonObject { ["CallId"] = "027c8ef4", ["Result"] = result }.ToJsonString(), []);

    public static OllamaSimChatRequest Request(IEnumerable<string> tools, params OllamaSimMessage[] messages) =>
        new("qwen3.5:35b-a3b", Stream: true, messages, [.. tools], KeepAlive: null, PromptChars: 100);

    public static OllamaSimChatRequest Request(params OllamaSimMessage[] messages) => Request(AllTools, messages);
}
