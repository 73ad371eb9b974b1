using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Configuration;

internal static class ConfigurationExtensions
{
    /// <summary>Binds and validates the <c>Homelab</c> section; start-up fails with every problem listed if it is wrong.</summary>
    public static IHostApplicationBuilder AddHomelabOptions(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(HomelabOptions.SectionName);
        var (shapeErrors, valid) = ConfigurationShapeCheck.Check(section, typeof(HomelabOptions));

        // Bind only the well-formed values: the binder would throw on the first bad one, and the rest still deserve
        // their own validation so that one start-up reports every problem.
        builder.Services.AddOptions<HomelabOptions>()
            .Configure(options => valid.GetSection(HomelabOptions.SectionName).Bind(options))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HomelabOptions>>(new ValidateHomelabOptions(shapeErrors));
        return builder;
    }
}
