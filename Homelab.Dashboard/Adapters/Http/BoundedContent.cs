using System.Text;

namespace Homelab.Dashboard.Adapters.Http;

/// <summary>Reads response bodies with a size cap, so a misbehaving upstream cannot exhaust memory.</summary>
internal static class BoundedContent
{
    /// <summary>Default cap for JSON answers (a big cluster's resources list is well under this).</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    /// <summary>The body as UTF-8 text, or null if it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadStringAsync(HttpContent content, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength is > 0 and var length && length > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
