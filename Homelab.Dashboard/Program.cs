using Homelab.Dashboard;
using Microsoft.Extensions.Options;

// The slim builder leaves out what a Linux container never uses (IIS integration, HTTP/3 over QUIC, the EventLog
// and Debug log providers) and the memory those cost; Kestrel's HTTPS endpoints and, when developing, the static
// web assets of referenced packages are added back explicitly.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
if (builder.Environment.IsDevelopment())
{
    builder.WebHost.UseStaticWebAssets();
}

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
