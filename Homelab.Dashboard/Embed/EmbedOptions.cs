namespace Homelab.Dashboard.Embed;

/// <summary>Embedding the dashboard's read-only views in other sites (<c>Homelab:Embed</c>).</summary>
public sealed class EmbedOptions
{
    /// <summary>
    /// Origins allowed to frame <c>/embed/*</c>, e.g. <c>https://home.example.com</c> for Homepage. Empty by default:
    /// only the dashboard itself may frame them.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
