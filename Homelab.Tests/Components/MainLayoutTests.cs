using Bunit;
using Homelab.Dashboard.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Homelab.Tests.Components;

public sealed class MainLayoutTests : HomelabComponentTestBase
{
    [Fact]
    public void Render_Interactive_FlipsTheReadyMarkerAfterTheFirstRender()
    {
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#ready").GetAttribute("data-interactive")));
        Assert.Equal("all sources fresh", cut.Find("[data-testid=sources-summary]").TextContent.Trim());
        Assert.Contains("page", cut.Markup, StringComparison.Ordinal);
    }
}
