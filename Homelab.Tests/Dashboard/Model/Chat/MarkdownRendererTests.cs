using AngleSharp.Html.Parser;
using Homelab.Dashboard.Model.Chat;

namespace Homelab.Tests.Dashboard.Model.Chat;

public sealed class MarkdownRendererTests
{
    private static readonly string[] s_activeElements =
        ["script", "img", "iframe", "frame", "svg", "math", "style", "object", "embed", "link", "meta", "base", "form", "video", "audio", "source", "picture"];

    /// <summary>
    /// Parses the HTML as a browser would and fails on anything that could run script or fetch from elsewhere: active
    /// elements, event-handler or style attributes, and links that are not http, https, mailto or on this site.
    /// Text that merely mentions <c>javascript:</c> is harmless and allowed.
    /// </summary>
    private static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            Assert.DoesNotContain(name, s_activeElements);
            if (name == "input")
            {
                // Task lists: a disabled checkbox, nothing else.
                Assert.Equal("checkbox", element.GetAttribute("type"));
                Assert.True(element.HasAttribute("disabled"));
            }

            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{name} has {attribute.Name}");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("srcset", attribute.Name);
                Assert.NotEqual("src", attribute.Name);
                if (attribute.Name is "href" or "action" or "formaction" or "xlink:href")
                {
                    var value = attribute.Value.Trim();
                    Assert.True(
                        value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal)
                        || value.StartsWith("mailto:", StringComparison.Ordinal) || value.StartsWith('/') || value.StartsWith('#') || value.StartsWith('?'),
                        $"unsafe {attribute.Name}: {value}");
                }
            }
        }
    }

    [Fact]
    public void ToHtml_PlainMarkdown_RendersEmphasisListsAndCode()
    {
        var html = MarkdownRenderer.ToHtml("**jellyfin** is *up*\n\n- one\n- two\n\n`docker ps`");

        Assert.Contains("<strong>jellyfin</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>up</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
        Assert.Contains("<code>docker ps</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_PipeTableTaskListAndStrikethrough_AreRendered()
    {
        var html = MarkdownRenderer.ToHtml("| node | cpu |\n|---|---|\n| pve1 | 12% |\n\n- [x] done\n- [ ] todo\n\n~~gone~~");

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>pve1</td>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("<del>gone</del>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("hello <script>alert(1)</script> world")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("text <img src=x onerror=\"alert(1)\"> more")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)></svg>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<div\nonclick=alert(1)>block html</div>")]
    [InlineData("<scr<script>ipt>alert(1)</script>")]
    public void ToHtml_RawHtml_IsShownAsTextNeverAsMarkup(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        AssertInert(html);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](  javascript:alert(1))")]
    [InlineData("[click](java&#115;cript:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](java&#9;script:alert(1))")]
    [InlineData("[click](java%73cript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[click](<javascript:alert(1)>)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(1)>")]
    [InlineData("<data:text/html,<script>alert(1)</script>>")]
    [InlineData("[**nested [click](javascript:alert(1))**](https://ok.example)")]
    public void ToHtml_UnsafeLink_KeepsTheTextAndDropsTheHref(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        AssertInert(html);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_UnsafeLink_ShowsItsLabelAsPlainText()
    {
        var html = MarkdownRenderer.ToHtml("see [the docs](javascript:alert(1)) now");

        Assert.Equal("<p>see the docs now</p>\n", html);
    }

    [Theory]
    [InlineData("![x](https://evil.example/track.gif)")]
    [InlineData("![x](https://evil.example/a.png \"title\" )")]
    [InlineData("![](http://evil.example/pixel)")]
    [InlineData("![x][img]\n\n[img]: https://evil.example/a.png")]
    public void ToHtml_Image_BecomesALinkAndIsNeverLoaded(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        AssertInert(html);
        Assert.Contains("<a href=\"http", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ImageWithUnsafeSource_IsDroppedToItsAltText()
    {
        var html = MarkdownRenderer.ToHtml("![cat](javascript:alert(1))");

        AssertInert(html);
        Assert.Contains("cat", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ExternalLink_OpensInANewTabWithoutReferrerOrOpener()
    {
        var html = MarkdownRenderer.ToHtml("[Jellyfin](https://jellyfin.example/web)");

        Assert.Equal("<p><a href=\"https://jellyfin.example/web\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">Jellyfin</a></p>\n", html);
    }

    [Theory]
    [InlineData("https://example.com", "https://example.com")]
    [InlineData("www.example.com", "http://www.example.com")]
    [InlineData("<https://example.com/a?b=1>", "https://example.com/a?b=1")]
    [InlineData("<someone@example.com>", "mailto:someone@example.com")]
    public void ToHtml_Autolink_IsALinkMarkedExternal(string markdown, string href)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_RelativeLink_StaysInTheDashboard()
    {
        var html = MarkdownRenderer.ToHtml("[containers](/containers?q=sonarr)");

        Assert.Equal("<p><a href=\"/containers?q=sonarr\">containers</a></p>\n", html);
    }

    [Fact]
    public void ToHtml_CodeBlock_EscapesItsContent()
    {
        var html = MarkdownRenderer.ToHtml("```html\n<script>alert(\"x\")</script>\n```");

        AssertInert(html);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_FenceInfoString_CannotBreakOutOfTheClassAttribute()
    {
        var html = MarkdownRenderer.ToHtml("```\" onmouseover=\"alert(1)\n code\n```");

        AssertInert(html);
    }

    [Fact]
    public void ToHtml_Entities_AreDecodedThenEscapedAgain()
    {
        var html = MarkdownRenderer.ToHtml("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;img src=x onerror=alert(1)&#62;");

        AssertInert(html);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_LinkTitle_IsEscaped()
    {
        var html = MarkdownRenderer.ToHtml("[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")");

        AssertInert(html);
        Assert.Contains("title=\"a&quot; onmouseover=&quot;alert(1)\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_GenericAttributeSyntax_IsNotAnExtension()
    {
        var html = MarkdownRenderer.ToHtml("# Title {onclick=\"alert(1)\"}\n\n[x](https://ok.example){onclick=alert(1)}");

        AssertInert(html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ToHtml_Empty_IsEmpty(string? markdown) => Assert.Equal("", MarkdownRenderer.ToHtml(markdown));

    [Theory]
    [InlineData("https://a.example", UrlKind.External)]
    [InlineData("HTTP://a.example", UrlKind.External)]
    [InlineData("mailto:me@a.example", UrlKind.External)]
    [InlineData("//a.example/x", UrlKind.External)]
    [InlineData("/containers", UrlKind.Relative)]
    [InlineData("containers/x:y", UrlKind.Relative)]
    [InlineData("#approval-1", UrlKind.Relative)]
    [InlineData("?q=a:b", UrlKind.Relative)]
    [InlineData("javascript:alert(1)", UrlKind.Unsafe)]
    [InlineData(" javascript:alert(1)", UrlKind.Unsafe)]
    [InlineData("java\nscript:alert(1)", UrlKind.Unsafe)]
    [InlineData("\u0001javascript:alert(1)", UrlKind.Unsafe)]
    [InlineData("data:text/html,x", UrlKind.Unsafe)]
    [InlineData("vbscript:x", UrlKind.Unsafe)]
    [InlineData("file:///etc/passwd", UrlKind.Unsafe)]
    [InlineData("/\\evil.example", UrlKind.Unsafe)]
    [InlineData("", UrlKind.Unsafe)]
    [InlineData(null, UrlKind.Unsafe)]
    public void Classify_AllowsOnlyHttpMailtoAndRelative(string? url, UrlKind expected) =>
        Assert.Equal(expected, SafeUrl.Classify(url));
}
