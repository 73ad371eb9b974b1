using Homelab.Dashboard;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddHomelab();
var app = builder.Build();
app.MapHomelab();

try
{
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // Configuration problems are the user's to fix: list them all plainly instead of a stack trace.
    await Console.Error.WriteLineAsync("Homelab Dashboard cannot start; the configuration has problems:");
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync($"  - {failure}");
    }

    await Console.Error.WriteLineAsync("See the README's configuration section.");
    return 1;
}
