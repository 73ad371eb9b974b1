using Homelab.Dashboard.Configuration;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Configuration;

public sealed class ValidateAgentOptionsTests
{
    private static (IReadOnlyList<string> Errors, HomelabOptions Options) Validate(Dictionary<string, string?> settings) => OptionsValidation.Validate(settings);

    [Fact]
    public void Validate_OllamaConfigured_IsValidAndEndsDemo()
    {
        var (errors, options) = Validate(new()
        {
            ["Homelab:Ollama:Url"] = "http://aiserver.lan:11434",
            ["Homelab:Ollama:FastModel"] = "qwen3.5:4b",
            ["Homelab:Agent:ApiKeys:0:Name"] = "discord-bot",
            ["Homelab:Agent:ApiKeys:0:Sha256"] = new string('a', 64),
            ["Homelab:Agent:ApiAllowedTools:0"] = "restart_container",
        });

        Assert.Empty(errors);
        Assert.False(options.IsDemo);
        Assert.Equal("qwen3.5:35b-a3b", options.Ollama.ChatModel);
        Assert.Equal("restart_container", Assert.Single(options.Agent.ApiAllowedTools));
    }

    [Fact]
    public void Validate_BadAgentSettings_ReportsEveryOneAtOnce()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Ollama:Url"] = "aiserver:11434",
            ["Homelab:Ollama:ChatModel"] = " ",
            ["Homelab:Ollama:ContextSize"] = "100",
            ["Homelab:Agent:MaxToolRounds"] = "0",
            ["Homelab:Agent:ToolResultLimit"] = "10",
            ["Homelab:Agent:ApiKeys:0:Name"] = "bot",
            ["Homelab:Agent:ApiKeys:0:Sha256"] = "my-plain-key",
            ["Homelab:Agent:ApiKeys:1:Name"] = "BOT",
            ["Homelab:Agent:ApiKeys:1:Sha256"] = new string('b', 64),
            ["Homelab:Traces:Retention"] = "00:01:00",
        });

        Assert.Contains(errors, e => e.StartsWith("Homelab:Ollama:Url", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Ollama:ChatModel", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Ollama:ContextSize", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Agent:MaxToolRounds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Agent:ToolResultLimit", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Agent:ApiKeys:0:Sha256", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'BOT' is used by more than one key", StringComparison.Ordinal) || e.Contains("'bot' is used by more than one key", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Traces:Retention", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("my-plain-key", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SimulatedOllamaPortClashes_Reported()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Simulator:OllamaPort"] = "18080",
        });

        Assert.Contains(errors, e => e.Contains("QBittorrentPort and OllamaPort must differ", StringComparison.Ordinal));
    }
}
