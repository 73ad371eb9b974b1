using System.Net.Http.Headers;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Api.Agent;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Homelab.Tests.Integration;

/// <summary>
/// The real host with <see cref="TestAgentChat"/> as its agent and one API key, <see cref="Key"/>, named
/// <see cref="KeyName"/>. The API's waits are short: the JSON endpoint gives up after a second, heartbeats come every 200 ms.
/// </summary>
public class AgentApiAppFactory : HomelabAppFactory
{
    public const string Key = "hl_test_4f1c2d9e8a7b";

    public const string KeyName = "discord-bot";

    public AgentApiAppFactory()
        : this(withKey: true)
    {
    }

    protected AgentApiAppFactory(bool withKey)
    {
        if (withKey)
        {
            Settings["Homelab:Agent:ApiKeys:0:Name"] = KeyName;
            Settings["Homelab:Agent:ApiKeys:0:Sha256"] = AgentApiKeys.Hash(Key);
        }
    }

    internal TestAgentChat Chat { get; } = new();

    /// <summary>A client for the dashboard; <paramref name="key"/> goes in <c>Authorization: Bearer</c> unless null.</summary>
    public HttpClient Client(string? key = Key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAgentChat>();
            services.AddSingleton<IAgentChat>(Chat);
            services.AddSingleton(new AgentApiLimits { TurnWait = TimeSpan.FromSeconds(1), Heartbeat = TimeSpan.FromMilliseconds(200) });
        });
    }
}

/// <summary>The same host with no API keys configured: the agent API is off.</summary>
public sealed class AgentApiOffAppFactory() : AgentApiAppFactory(withKey: false);
