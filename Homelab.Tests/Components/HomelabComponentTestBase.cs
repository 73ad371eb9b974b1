using Bunit;
using Bunit.TestDoubles;
using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Dashboard.Security;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Homelab.Tests.Components;

/// <summary>
/// bUnit base for the dashboard's components: loose JS interop, MudBlazor with zero transitions, an interactive
/// renderer, a driven <see cref="TestLiveHomelab"/> holding the seed homelab, a <see cref="FakeTimeProvider"/> behind
/// the shared <see cref="UiClock"/>, and the real action path (<see cref="ActionService"/> + <see cref="ActionRunner"/>)
/// over hand-written fakes, and a driven <see cref="FakeAgentChat"/> for the chat.
/// </summary>
public abstract class HomelabComponentTestBase : BunitContext
{
    private readonly TestHostLifetime _lifetime = new();

    protected HomelabComponentTestBase()
    {
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });

        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(_ => new UiClock(Time));
        Services.AddSingleton<ILiveHomelab>(Live);
        Services.AddSingleton(Registry);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<IActionAuthorizer>(Authorizer);
        Services.AddSingleton<IAuditLog>(Audit);
        Services.AddSingleton<ITraceStore>(Traces);
        Services.AddSingleton<IActionExecutor>(Executor);
        Services.AddSingleton<IHostApplicationLifetime>(_lifetime);
        Services.AddSingleton(Options.Create(new HomelabOptions()));
        Services.AddSingleton<ActionService>();
        Services.AddSingleton<ICurrentActor>(CurrentActor);
        Services.AddScoped<ActionRunner>();
        Services.AddSingleton<IAgentChat>(AgentChat);
        Services.AddSingleton(new SignInMode(AuthMode.None));
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("local user");
        Authorization.SetRoles("operator");

        // Last: it builds the renderer, after which no service can be added. Pages only subscribe when interactive.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    internal FakeTimeProvider Time { get; } = new(TestSnapshots.Now);

    internal TestLiveHomelab Live { get; } = new() { Current = TestSnapshots.Seed() };

    internal SourceRegistry Registry { get; } = new();

    internal TestCurrentActor CurrentActor { get; } = new();

    internal TestActionExecutor Executor { get; } = new();

    internal TestAuditLog Audit { get; } = new();

    internal TestTraceStore Traces { get; } = new();

    internal TestActionAuthorizer Authorizer { get; } = new();

    internal FakeAgentChat AgentChat { get; } = new();

    /// <summary>Who AuthorizeView sees: "local user", an operator, matching <see cref="CurrentActor"/>.</summary>
    internal BunitAuthorizationContext Authorization { get; }

    /// <summary>Sets the browser's address, so <c>[SupplyParameterFromQuery]</c> parameters see its query string.</summary>
    internal void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    /// <summary>Renders the dialog and snackbar providers, as MainLayout does, so dialogs and snackbars can be seen.</summary>
    internal (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) RenderProviders() =>
        (Render<MudDialogProvider>(), Render<MudSnackbarProvider>());

    /// <summary>Plugs a fake Docker host into the registry the log drawer reads from.</summary>
    internal TestContainerSource AddContainerHost(string host = TestSnapshots.DockerHost)
    {
        var source = new TestContainerSource(host);
        Registry.Populate(null, new Dictionary<string, IContainerSource> { [host] = source }, []);
        return source;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _lifetime.Dispose();
        }
    }
}
