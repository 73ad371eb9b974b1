using System.Reflection;
using Homelab.Dashboard.Hubs;
using Homelab.Dashboard.Security;
using Microsoft.AspNetCore.Authorization;

namespace Homelab.Tests.Security;

/// <summary>The hub's door: connecting needs a viewer, and anything that is not a read needs an operator.</summary>
public sealed class HubAuthorizationTests
{
    // Methods that only read; anything else on the hub must carry the Operate policy.
    private static readonly HashSet<string> s_reads = [nameof(HomelabHub.GetSnapshot)];

    [Fact]
    public void HomelabHub_Class_RequiresTheViewPolicy()
    {
        var attribute = typeof(HomelabHub).GetCustomAttribute<AuthorizeAttribute>();

        Assert.Equal(HomelabPolicies.View, attribute?.Policy);
    }

    [Fact]
    public void HomelabHub_EveryMethodThatIsNotARead_RequiresTheOperatePolicy()
    {
        var methods = typeof(HomelabHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        foreach (var method in methods.Where(m => !s_reads.Contains(m.Name)))
        {
            Assert.True(
                method.GetCustomAttributes<AuthorizeAttribute>().Any(a => a.Policy is HomelabPolicies.Operate or HomelabPolicies.Administer),
                $"{method.Name} changes state (it is not listed as a read) but does not require the Operate policy.");
        }

        Assert.Contains(methods, m => m.Name == nameof(HomelabHub.GetSnapshot));
    }
}
