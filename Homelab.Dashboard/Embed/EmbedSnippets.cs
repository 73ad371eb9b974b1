using System.Text;

namespace Homelab.Dashboard.Embed;

/// <summary>What the settings page offers to copy right after creating a token: URLs and Homepage <c>services.yaml</c> entries.</summary>
internal static class EmbedSnippets
{
    public static string EmbedUrl(Uri baseUri, EmbedScope view, string token) =>
        new Uri(baseUri, $"embed/{view.Name()}?token={Uri.EscapeDataString(token)}").ToString();

    public static string ApiUrl(Uri baseUri, EmbedScope view) => new Uri(baseUri, $"api/homepage/{view.Name()}").ToString();

    /// <summary>One Homepage service per scope: an iframe widget per view, and customapi widgets for the API scope.</summary>
    public static string HomepageYaml(Uri baseUri, IEnumerable<EmbedScope> scopes, string token)
    {
        var yaml = new StringBuilder("- Homelab:\n");
        foreach (var scope in scopes.Distinct().Order())
        {
            if (scope == EmbedScope.HomepageApi)
            {
                foreach (var view in EmbedScopes.Views)
                {
                    yaml.Append("    - Homelab ").Append(view.Title()).Append(" stats:\n")
                        .Append("        widget:\n")
                        .Append("          type: customapi\n")
                        .Append("          url: ").Append(ApiUrl(baseUri, view)).Append('\n')
                        .Append("          refreshInterval: 15000\n")
                        .Append("          headers:\n")
                        .Append("            X-API-Key: ").Append(token).Append('\n')
                        .Append("          mappings:\n");
                    foreach (var (field, label, format) in Mappings(view))
                    {
                        yaml.Append("            - field: ").Append(field).Append('\n')
                            .Append("              label: ").Append(label).Append('\n')
                            .Append("              format: ").Append(format).Append('\n');
                        if (field.EndsWith("_speed", StringComparison.Ordinal))
                        {
                            yaml.Append("              suffix: /s\n"); // bytes per second, shown as e.g. 1.2 MB/s
                        }
                    }
                }

                continue;
            }

            yaml.Append("    - Homelab ").Append(scope.Title()).Append(":\n")
                .Append("        widget:\n")
                .Append("          type: iframe\n")
                .Append("          name: homelab").Append(scope.Name()).Append('\n')
                .Append("          src: ").Append(EmbedUrl(baseUri, scope, token)).Append('\n')
                .Append("          classes: h-48 sm:h-48 md:h-48 lg:h-48 xl:h-48 2xl:h-56\n")
                .Append("          referrerPolicy: no-referrer\n")
                .Append("          allowScrolling: no\n")
                .Append("          allowFullscreen: false\n")
                .Append("          loadingStrategy: eager\n");
        }

        return yaml.ToString();
    }

    /// <summary>The customapi mappings worth showing per view (Homepage shows at most four in a block).</summary>
    public static IReadOnlyList<(string Field, string Label, string Format)> Mappings(EmbedScope view) => view switch
    {
        EmbedScope.Cluster => [("nodes_online", "Nodes up", "number"), ("cpu", "CPU", "percent"), ("ram", "RAM", "percent"), ("guests_running", "Guests up", "number")],
        EmbedScope.Containers => [("running", "Running", "number"), ("stopped", "Stopped", "number"), ("unhealthy", "Unhealthy", "number"), ("total", "Total", "number")],
        EmbedScope.Torrents => [("downloading", "Downloading", "number"), ("seeding", "Seeding", "number"), ("download_speed", "Down", "bytes"), ("upload_speed", "Up", "bytes")],
        EmbedScope.Vpn => [("state", "VPN", "text"), ("public_ip", "IP", "text"), ("country", "Country", "text"), ("forwarded_port", "Port", "number")],
        _ => [],
    };
}
