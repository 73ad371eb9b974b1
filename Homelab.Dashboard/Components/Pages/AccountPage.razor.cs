using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security;
using Homelab.Dashboard.Security.Local;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>Your own local account: change the password, turn two-step sign-in (TOTP) on or off.</summary>
/// <remarks>
/// A new TOTP secret lives only in this circuit until a code from the app confirms it; only then is it stored.
/// </remarks>
public partial class AccountPage : ComponentBase
{
    private AccountSummary? _summary;
    private string? _currentPassword;
    private string? _newPassword;
    private AccountResult? _passwordResult;
    private string? _pendingSecret;
    private string? _pendingUri;
    private string? _qrSvg;
    private string? _code;
    private AccountResult? _totpResult;

    [Inject]
    internal LocalAccounts Accounts { get; init; } = null!;

    [Inject]
    internal SignInMode Mode { get; init; } = null!;

    [Inject]
    internal ICurrentActor CurrentActor { get; init; } = null!;

    private bool LocalMode => Mode.Mode == AuthMode.Local;

    private string UserName => CurrentActor.Actor.Name;

    protected override async Task OnInitializedAsync()
    {
        if (LocalMode)
        {
            _summary = await Accounts.FindAsync(UserName, CancellationToken.None);
        }
    }

    private async Task ChangePasswordAsync()
    {
        _passwordResult = await Accounts.ChangePasswordAsync(UserName, _currentPassword ?? "", _newPassword ?? "", CancellationToken.None);
        _currentPassword = _newPassword = null;
    }

    private void StartEnrolment()
    {
        _pendingSecret = TotpCodes.NewSecret();
        _pendingUri = TotpCodes.EnrolmentUri(_pendingSecret, UserName);
        using var data = QRCodeGenerator.GenerateQrCode(_pendingUri, QRCodeGenerator.ECCLevel.M);
        _qrSvg = new SvgQRCode(data).GetGraphic(4);
        _totpResult = null;
    }

    private async Task ConfirmEnrolmentAsync()
    {
        _totpResult = await Accounts.EnableTotpAsync(UserName, _pendingSecret!, _code ?? "", CancellationToken.None);
        if (_totpResult.Succeeded)
        {
            _pendingSecret = _pendingUri = _qrSvg = null;
            _summary = await Accounts.FindAsync(UserName, CancellationToken.None);
        }

        _code = null;
    }

    private async Task DisableTotpAsync()
    {
        _totpResult = await Accounts.DisableTotpAsync(UserName, _code ?? "", CancellationToken.None);
        _summary = await Accounts.FindAsync(UserName, CancellationToken.None);
        _code = null;
    }
}
