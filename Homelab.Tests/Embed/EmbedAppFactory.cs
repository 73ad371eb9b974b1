using System.Text.Encodings.Web;
using Homelab.Dashboard.Embed;
using Homelab.Dashboard.Embed.Tokens;
using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Homelab.Tests.Integration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homelab.Tests.Embed;

/// <summary>
/// The demo dashboard with its sign-in replaced by one where nobody is signed in, as in any real sign-in mode with a
/// stranger calling: whatever an embed token opens, it opens on its own.
/// </summary>
public sealed class EmbedAppFactory : HomelabAppFactory
{
    public const string AllowedOrigin = "https://home.example.com";

    public EmbedAppFactory() => Settings["Homelab:Embed:AllowedOrigins:0"] = AllowedOrigin;

    /// <summary>Everything logged: the shipped levels, plus the dashboard's own categories down to Debug.</summary>
    internal TestLoggerProvider Logs { get; } = new();

    public Task<CreatedEmbedToken> CreateTokenAsync(params EmbedScope[] scopes) => CreateTokenAsync(null, scopes);

    public Task<CreatedEmbedToken> CreateTokenAsync(DateTimeOffset? expiresAt, params EmbedScope[] scopes) =>
        Services.GetRequiredService<EmbedTokenStore>().CreateAsync("test", scopes, expiresAt, "tests", CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter("Homelab", LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, NobodySignedIn>(NobodySignedIn.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = NobodySignedIn.SchemeName;
                o.DefaultAuthenticateScheme = NobodySignedIn.SchemeName;
                o.DefaultChallengeScheme = NobodySignedIn.SchemeName;
            });
        });
    }

    /// <summary>A sign-in that never finds anyone; its challenge is a plain 401.</summary>
    private sealed class NobodySignedIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Nobody";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
