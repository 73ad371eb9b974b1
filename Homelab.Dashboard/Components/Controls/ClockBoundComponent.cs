using Homelab.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Controls;

/// <summary>
/// Base for labels that depend on the time ("updated 4 s ago"): computes a view from the parameters and the shared
/// <see cref="UiClock"/>, and re-renders only when that view changes, at most once a second.
/// </summary>
/// <typeparam name="TView">A value (record or string) whose equality says whether the markup changed.</typeparam>
public abstract class ClockBoundComponent<TView> : ComponentBase, IDisposable
{
    private IDisposable? _tick;
    private TView? _rendered;
    private bool _hasView;

    [Inject]
    public required UiClock Clock { get; init; }

    /// <summary>What the markup shows now.</summary>
    protected TView View { get; private set; } = default!;

    /// <summary>Pure: the view for the current parameters at <paramref name="now"/>.</summary>
    protected abstract TView Compute(DateTimeOffset now);

    protected override void OnInitialized()
    {
        // Prerendering ends at once; only a live circuit needs the tick.
        if (RendererInfo.IsInteractive)
        {
            _tick = Clock.Subscribe(OnTick);
        }
    }

    protected override void OnParametersSet()
    {
        View = Compute(Clock.Now);
        if (!_hasView)
        {
            // The first render always happens; it shows this view.
            _rendered = View;
            _hasView = true;
        }
    }

    protected override bool ShouldRender()
    {
        if (EqualityComparer<TView>.Default.Equals(View, _rendered))
        {
            return false;
        }

        _rendered = View;
        return true;
    }

    private void OnTick()
    {
        // Parameters are immutable values, so computing off the renderer's thread is safe; only a change costs a dispatch.
        if (EqualityComparer<TView>.Default.Equals(Compute(Clock.Now), View))
        {
            return;
        }

        _ = InvokeAsync(() =>
        {
            View = Compute(Clock.Now);
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        _tick?.Dispose();
        GC.SuppressFinalize(this);
    }
}
