using Homelab.Dashboard.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Components.Pages.Settings;

/// <summary>The effective configuration for an admin, secrets redacted, with where each value came from.</summary>
public partial class SettingsPage : ComponentBase
{
    private IReadOnlyList<SettingRow> _rows = [];

    [Inject]
    public required IConfiguration Configuration { get; init; }

    [Inject]
    public required IOptions<HomelabOptions> Options { get; init; }

    protected override void OnInitialized() => _rows = SettingRow.Read(Configuration, HomelabOptions.SectionName);
}

/// <summary>One configured key as the settings page shows it.</summary>
public sealed record SettingRow(string Key, string Value, string Source)
{
    /// <summary>Every leaf under <paramref name="section"/>, sorted, with the provider that won for it.</summary>
    public static IReadOnlyList<SettingRow> Read(IConfiguration configuration, string section)
    {
        var providers = configuration is IConfigurationRoot root ? root.Providers.Reverse().ToList() : [];
        return [.. configuration.GetSection(section).AsEnumerable()
            .Where(pair => pair.Value is not null)
            .OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Select(pair => new SettingRow(pair.Key, ConfigurationRedactor.Display(pair.Key, pair.Value), SourceOf(providers, pair.Key)))];
    }

    private static string SourceOf(List<IConfigurationProvider> providers, string key)
    {
        // The last provider that has the key is the one whose value counts.
        var provider = providers.FirstOrDefault(p => p.TryGet(key, out _));
        return provider switch
        {
            null => "",
            Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider json => json.Source.Path ?? "json",
            Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => "environment",
            Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider => "command line",
            _ => provider.GetType().Name.Replace("ConfigurationProvider", "", StringComparison.Ordinal),
        };
    }
}
