using System.Globalization;
using System.Text.RegularExpressions;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>
/// The simulated daemon's identity and the <c>/v1.NN/</c> path prefix: stripped before routing, checked against the
/// supported range, and remembered for the handlers whose answers depend on it.
/// </summary>
internal static partial class DockerSimVersion
{
    /// <summary>Docker Engine 29.0 speaks API 1.52.</summary>
    public const string EngineVersion = "29.0.2";

    public const string ApiVersionText = "1.52";

    /// <summary>What a docker-socket-proxy in front of the daemon lets through; older than Engine 29's 1.44 so docker-py 5 works.</summary>
    public const string MinApiVersionText = "1.24";

    public const string KernelVersion = "6.14.11-4-pve";

    public static readonly Version Current = new(1, 52);

    public static readonly Version Minimum = new(1, 24);

    private const string ItemKey = "docker-api-version";

    /// <summary>The version the client asked for; the current one when the path had no prefix.</summary>
    public static Version Requested(HttpContext context) => context.Items[ItemKey] as Version ?? Current;

    /// <summary>Middleware: strips and validates the version prefix, then rewrites the path for routing.</summary>
    public static async Task StripPrefixAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "";
        var match = PrefixPattern().Match(path);
        if (match.Success)
        {
            var version = new Version(
                int.Parse(match.Groups["major"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["minor"].ValueSpan, CultureInfo.InvariantCulture));
            var text = $"{match.Groups["major"].Value}.{match.Groups["minor"].Value}";
            if (version < Minimum)
            {
                await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, $"client version {text} is too old. Minimum supported API version is {MinApiVersionText}, please upgrade your client to a newer version");
                return;
            }

            if (version > Current)
            {
                await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, $"client version {text} is too new. Maximum supported API version is {ApiVersionText}");
                return;
            }

            context.Items[ItemKey] = version;
            context.Request.Path = new PathString(match.Groups["rest"].Value);
        }

        await next();
    }

    [GeneratedRegex(@"^/v(?<major>\d{1,3})\.(?<minor>\d{1,3})(?<rest>/.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
