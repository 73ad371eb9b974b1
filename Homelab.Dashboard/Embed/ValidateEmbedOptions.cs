using Homelab.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Embed;

/// <summary>Refuses to start with an allowed origin that is not an origin, listing every bad one.</summary>
internal sealed class ValidateEmbedOptions : IValidateOptions<HomelabOptions>
{
    public ValidateOptionsResult Validate(string? name, HomelabOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Embed.AllowedOrigins.Count; i++)
        {
            if (!EmbedOrigins.TryNormalize(options.Embed.AllowedOrigins[i], out _, out var error))
            {
                errors.Add($"Homelab:Embed:AllowedOrigins:{i}: {error}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
