using Homelab.Dashboard.Configuration;
using Microsoft.Extensions.Configuration;

namespace Homelab.Tests.Shared;

/// <summary>Runs settings through what start-up runs: the shape check, binding, then the validator.</summary>
internal static class OptionsValidation
{
    public static (IReadOnlyList<string> Errors, HomelabOptions Options) Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var (shapeErrors, valid) = ConfigurationShapeCheck.Check(configuration.GetSection(HomelabOptions.SectionName), typeof(HomelabOptions));
        var options = new HomelabOptions();
        valid.GetSection(HomelabOptions.SectionName).Bind(options);
        var result = new ValidateHomelabOptions(shapeErrors).Validate(null, options);
        return (result.Failed ? [.. result.Failures!] : [], options);
    }
}
