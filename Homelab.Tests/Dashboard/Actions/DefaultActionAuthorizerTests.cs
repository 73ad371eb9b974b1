using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Actions;

public sealed class DefaultActionAuthorizerTests
{
    private static readonly HomelabAction s_restart = new ContainerCommandRequest("docker-server", "abc", "sonarr", ContainerCommand.Restart);

    [Theory]
    [InlineData("operator", true)]
    [InlineData("admin", true)]
    [InlineData("Operator", true)]
    [InlineData("viewer", false)]
    [InlineData("embed", false)]
    public async Task Authorize_Role_AllowsOperatorsAndAbove(string role, bool allowed)
    {
        var authorizer = new DefaultActionAuthorizer(new StaticOptionsMonitor(new HomelabOptions()));

        var decision = await authorizer.AuthorizeAsync(new Actor("alice", ActionVia.Ui, [role]), s_restart, TestContext.Current.CancellationToken);

        Assert.Equal(allowed, decision.Allowed);
    }

    [Fact]
    public async Task Authorize_NoRoles_DeniesAndSaysWhy()
    {
        var authorizer = new DefaultActionAuthorizer(new StaticOptionsMonitor(new HomelabOptions()));

        var decision = await authorizer.AuthorizeAsync(new Actor("anonymous", ActionVia.Api), s_restart, TestContext.Current.CancellationToken);

        Assert.False(decision.Allowed);
        Assert.Contains("operator role", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ReadOnly_DeniesEvenAnAdmin()
    {
        var authorizer = new DefaultActionAuthorizer(new StaticOptionsMonitor(new HomelabOptions { Actions = { ReadOnly = true } }));

        var decision = await authorizer.AuthorizeAsync(new Actor("root", ActionVia.Ui, [HomelabRoles.Admin]), s_restart, TestContext.Current.CancellationToken);

        Assert.False(decision.Allowed);
    }
}
