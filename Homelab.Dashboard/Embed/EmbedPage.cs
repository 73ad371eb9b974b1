using System.Text;
using System.Text.Encodings.Web;

namespace Homelab.Dashboard.Embed;

/// <summary>How an embed is drawn, from its query string: <c>?theme=light|dark</c> (dark, as Homepage) and <c>?bg=transparent</c>.</summary>
internal sealed record EmbedLook(bool Light, bool Transparent)
{
    public static EmbedLook From(IQueryCollection query) => new(
        string.Equals(query["theme"], "light", StringComparison.OrdinalIgnoreCase),
        string.Equals(query["bg"], "transparent", StringComparison.OrdinalIgnoreCase));

    public string RootClass => (Light ? "light" : "dark") + (Transparent ? " transparent" : "");
}

/// <summary>The static HTML of an embed: the current fragment, already rendered, plus the inline style and script.</summary>
internal static class EmbedPage
{
    public static string Build(EmbedFragment fragment, EmbedLook look)
    {
        var name = fragment.View.Name();
        var html = new StringBuilder(fragment.Html.Length + EmbedAssets.Style.Length + EmbedAssets.Script.Length + 512);
        html.Append("<!DOCTYPE html><html lang=\"en\" class=\"").Append(look.RootClass).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>Homelab · ").Append(HtmlEncoder.Default.Encode(fragment.View.Title())).Append("</title>")
            .Append("<style>").Append(EmbedAssets.Style).Append("</style></head><body>")
            .Append("<main id=\"embed\" data-view=\"").Append(name).Append("\" data-testid=\"embed-").Append(name).Append("\">")
            .Append(fragment.Html)
            .Append("</main><script>").Append(EmbedAssets.Script).Append("</script></body></html>");
        return html.ToString();
    }
}
