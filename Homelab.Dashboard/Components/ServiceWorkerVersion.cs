using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components;

/// <summary>
/// The service worker's cache version: a short hash of the static asset manifest (each asset's content-based URL
/// and properties, integrity included), so every deploy that changes any static file gets a new worker and a new cache.
/// </summary>
/// <remarks>The page registers <c>/sw.js?v=VERSION</c>; computed once per asset collection (once per app).</remarks>
internal static class ServiceWorkerVersion
{
    private static readonly ConditionalWeakTable<ResourceAssetCollection, string> s_versions = [];

    public static string Of(ResourceAssetCollection assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        return s_versions.GetValue(assets, Compute);
    }

    private static string Compute(ResourceAssetCollection assets)
    {
        var text = new StringBuilder();
        foreach (var asset in assets.OrderBy(a => a.Url, StringComparer.Ordinal))
        {
            text.Append(asset.Url).Append('\n');
            foreach (var property in asset.Properties ?? [])
            {
                text.Append(property.Name).Append('=').Append(property.Value).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }
}
