using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>Builds the Docker adapter for a Unix socket or TCP endpoint.</summary>
internal static class DockerAdapterFactory
{
    public static IContainerSource Create(DockerConnection connection, DockerOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider) =>
        throw new NotImplementedException($"Docker adapter for {connection.Name} ({options.PollInterval}, {loggerFactory}, {timeProvider}).");
}
