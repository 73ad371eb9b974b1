using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Controls;

/// <summary>
/// MudBlazor's icon paths as plain inline SVG, for places with many icons (a button per table row) where an icon
/// component each would cost more than the row itself.
/// </summary>
/// <remarks>Only for the library's own icon constants, never for upstream text.</remarks>
public static class SvgIcon
{
    private static readonly ConcurrentDictionary<string, RenderFragment> s_cache = new(StringComparer.Ordinal);

    public static RenderFragment Of(string icon) => s_cache.GetOrAdd(icon, static svg => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "hl-icon");
        builder.AddAttribute(2, "viewBox", "0 0 24 24");
        builder.AddAttribute(3, "aria-hidden", "true");
        builder.AddAttribute(4, "focusable", "false");
        builder.AddMarkupContent(5, svg);
        builder.CloseElement();
    });
}
