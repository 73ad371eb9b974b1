using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Model.Chat;

/// <summary>
/// Turns model output (Markdown) into HTML that cannot run script: the only path from model text to
/// <see cref="MarkupString"/> in the dashboard.
/// </summary>
/// <remarks>
/// Model output is untrusted: a tool result can carry text someone else wrote (a torrent name, a container log), and
/// the model may repeat it. So raw HTML is never parsed (<c>DisableHtml</c>; it shows as text), no extension that
/// can emit attributes or script is enabled (generic attributes, math, diagrams, media links), every link is checked
/// against an allow-list after parsing (entities and references are resolved by then), images become plain links so
/// nothing is fetched from an arbitrary host, and external links open in a new tab without referrer or opener.
/// </remarks>
public static class MarkdownRenderer
{
    public const string ExternalRel = "noopener noreferrer nofollow";

    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    /// <summary>The sanitised HTML for <paramref name="markdown"/>.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, s_pipeline);
        Sanitise(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer)
        {
            // A second guard: whatever slipped past the tree walk, an unsafe URL never reaches an attribute.
            LinkRewriter = url => SafeUrl.Classify(url) == UrlKind.Unsafe ? "#" : url,
        };
        s_pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The sanitised HTML as markup for a component.</summary>
    public static MarkupString ToMarkup(string? markdown) => new(ToHtml(markdown));

    private static void Sanitise(MarkdownDocument document)
    {
        // Materialised first: the walk replaces nodes.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            SanitiseLink(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            SanitiseAutolink(autolink);
        }
    }

    private static void SanitiseLink(LinkInline link)
    {
        // Extensions may compute the URL at render time; only the checked URL may be written.
        link.GetDynamicUrl = null;
        var kind = SafeUrl.Classify(link.Url);
        if (kind == UrlKind.Unsafe)
        {
            // Keep what the link said, drop where it went.
            var text = new ContainerInline();
            link.ReplaceBy(text);
            if (text.FirstChild is null)
            {
                text.AppendChild(new LiteralInline(link.IsImage ? "[image]" : link.Url ?? ""));
            }

            return;
        }

        if (link.IsImage)
        {
            // No image is fetched: it becomes a link to itself, labelled with its alt text (or its address).
            link.IsImage = false;
            if (link.FirstChild is null)
            {
                link.AppendChild(new LiteralInline(link.Url ?? "image"));
            }
        }

        if (kind == UrlKind.External)
        {
            MarkExternal(link);
        }
    }

    private static void SanitiseAutolink(AutolinkInline autolink)
    {
        var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
        var kind = SafeUrl.Classify(url);
        if (kind == UrlKind.Unsafe)
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url ?? ""));
            return;
        }

        if (kind == UrlKind.External)
        {
            MarkExternal(autolink);
        }
    }

    private static void MarkExternal(Inline link)
    {
        var attributes = link.GetAttributes();
        attributes.AddPropertyIfNotExist("target", "_blank");
        attributes.AddPropertyIfNotExist("rel", ExternalRel);
    }
}
