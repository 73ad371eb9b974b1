using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security;
using Homelab.Dashboard.Security.Local;
using Homelab.Domain.Actions;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Pages.Settings;

/// <summary>
/// The admin's list of local accounts: create, change role, reset password, unlock, delete. Every change is checked
/// again by <see cref="LocalAccounts"/> against the caller's role (and "not yourself, not the last admin").
/// </summary>
public partial class AccountsPage : ComponentBase
{
    private IReadOnlyList<AccountSummary> _accounts = [];
    private AccountResult? _result;
    private string? _newName;
    private string? _newPassword;
    private string _newRole = HomelabRoles.Viewer;
    private string? _resetting;
    private string? _resetPassword;
    private string? _deleting;

    [Inject]
    internal LocalAccounts Accounts { get; init; } = null!;

    [Inject]
    internal SignInMode Mode { get; init; } = null!;

    [Inject]
    internal ICurrentActor CurrentActor { get; init; } = null!;

    private bool LocalMode => Mode.Mode == AuthMode.Local;

    private Actor Me => CurrentActor.Actor;

    protected override Task OnInitializedAsync() => LocalMode ? ReloadAsync() : Task.CompletedTask;

    private async Task CreateAsync()
    {
        _result = await Accounts.CreateAsync(Me, _newName ?? "", _newPassword ?? "", _newRole, CancellationToken.None);
        if (_result.Succeeded)
        {
            _newName = _newPassword = null;
        }

        await ReloadAsync();
    }

    private async Task SetRoleAsync(AccountSummary account, string? role)
    {
        _result = await Accounts.SetRoleAsync(Me, account.UserName, role ?? "", CancellationToken.None);
        await ReloadAsync();
    }

    private async Task ResetAsync(AccountSummary account)
    {
        _result = await Accounts.ResetPasswordAsync(Me, account.UserName, _resetPassword ?? "", CancellationToken.None);
        if (_result.Succeeded)
        {
            _resetting = _resetPassword = null;
        }

        await ReloadAsync();
    }

    private async Task UnlockAsync(AccountSummary account)
    {
        _result = await Accounts.UnlockAsync(Me, account.UserName, CancellationToken.None);
        await ReloadAsync();
    }

    private async Task DeleteAsync(AccountSummary account)
    {
        _result = await Accounts.DeleteAsync(Me, account.UserName, CancellationToken.None);
        _deleting = null;
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _accounts = await Accounts.ListAsync(CancellationToken.None);
}
