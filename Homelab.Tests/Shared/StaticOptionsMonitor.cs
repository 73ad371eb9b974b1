using Homelab.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Homelab.Tests.Shared;

/// <summary>Options that never change, for services that read them through <see cref="IOptionsMonitor{T}"/>.</summary>
internal sealed class StaticOptionsMonitor(HomelabOptions value) : IOptionsMonitor<HomelabOptions>
{
    public HomelabOptions CurrentValue => value;

    public HomelabOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<HomelabOptions, string?> listener) => null;
}
