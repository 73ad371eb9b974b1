using System.Text.Json;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>Follows a task over the raw API until it has stopped, as a client polls a UPID.</summary>
internal static class ProxmoxTaskPolling
{
    public static async Task<JsonElement> WaitForTaskAsync(HttpClient client, string node, string upid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var task = await ProxmoxSimulatorFixture.GetDataAsync(client, $"nodes/{node}/tasks/{Uri.EscapeDataString(upid)}/status");
            if (task.GetProperty("status").GetString() == "stopped")
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"task {upid} still running");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
