using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Docker;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>Plain HTTP calls against the simulated Engine API, with the checks every test makes.</summary>
internal sealed class DockerSimHttp(Uri dockerUrl) : IDisposable
{
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    public HttpClient Http { get; } = new() { BaseAddress = dockerUrl, Timeout = TimeSpan.FromSeconds(15) };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Http.Dispose();

    /// <summary>A successful JSON answer, parsed.</summary>
    public async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }

    public async Task<HttpStatusCode> PostAsync(string path)
    {
        using var response = await Http.PostAsync(path, null, Cancel);
        return response.StatusCode;
    }

    public async Task<string> StateAsync(string name)
    {
        using var inspect = await GetJsonAsync($"/v1.52/containers/{name}/json");
        return inspect.RootElement.GetProperty("State").GetProperty("Status").GetString()!;
    }

    public async Task<DateTimeOffset?> StartedAtAsync(string name)
    {
        using var inspect = await GetJsonAsync($"/v1.52/containers/{name}/json");
        return DockerTime.ParseRfc3339(inspect.RootElement.GetProperty("State").GetProperty("StartedAt").GetString());
    }

    /// <summary>The <c>message</c> of a Docker error body.</summary>
    public static async Task<string?> MessageAsync(HttpResponseMessage response)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return error.RootElement.GetProperty("message").GetString();
    }

    public static List<string> Names(JsonDocument list) =>
        [.. list.RootElement.EnumerateArray().Select(c => c.GetProperty("Names")[0].GetString()!)];

    /// <summary>Splits a multiplexed log body into its frames, checking every header.</summary>
    public static List<(byte Stream, string Text)> ParseFrames(byte[] bytes)
    {
        var frames = new List<(byte, string)>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            Assert.True(bytes.Length - offset >= 8, "a truncated frame header");
            Assert.Equal([0, 0, 0], bytes[(offset + 1)..(offset + 4)]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 4));
            frames.Add((bytes[offset], Encoding.UTF8.GetString(bytes, offset + 8, length)));
            offset += 8 + length;
        }

        return frames;
    }
}
