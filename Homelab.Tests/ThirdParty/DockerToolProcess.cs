using System.Diagnostics;

namespace Homelab.Tests.ThirdParty;

/// <summary>Runs a third-party Docker client (the docker CLI, a docker-py script) with a short timeout.</summary>
internal static class DockerToolProcess
{
    /// <summary>The docker CLI: the usual install location first, then PATH; null when it is not installed.</summary>
    public static string? FindDockerCli()
    {
        if (File.Exists("/usr/local/bin/docker"))
        {
            return "/usr/local/bin/docker";
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "docker"))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the machine's own Docker setup may leak in: the tools talk to the simulator only.
        foreach (var name in new[] { "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_API_VERSION", "PYTHONPATH", "PYTHONHOME" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return new ToolResult(timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut, $"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)}");
    }
}

internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, string CommandLine)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>Everything needed to see why a run failed, for assertion messages.</summary>
    public override string ToString() =>
        $"`{CommandLine}` {(TimedOut ? "timed out" : $"exited {ExitCode}")}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
