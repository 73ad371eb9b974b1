using Homelab.Dashboard.Agent;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Containers;
using Homelab.Tests.Integration;

namespace Homelab.Tests.Dashboard.Agent.Chat;

/// <summary>The approval gate: only a person's decision through the broker lets a state change run.</summary>
public sealed class ConversationGateTests
{
    private static readonly Actor s_requester = new("discord-bot", ActionVia.Api);
    private static readonly Actor s_person = new("alice", ActionVia.Ui);
    private static readonly ProposedAction s_restart = new("restart_container", "sonarr", new ContainerCommandRequest("docker-server", "c0ffee", "sonarr", ContainerCommand.Restart));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Guid _conversation = Guid.CreateVersion7();
    private readonly ConversationLive _live;
    private readonly TestCards _cards = new();
    private readonly ApprovalBroker _broker = new();
    private readonly TestActionRunner _runner = new();

    public ConversationGateTests() => _live = new ConversationLive(_conversation);

    private ConversationGate Gate(ConversationSurface surface, params string[] apiAllowed) =>
        new(_conversation, surface, s_requester, apiAllowed.ToHashSet(), _live, _cards, _broker, _runner);

    private async Task<GateOutcome> DecideWhilePendingAsync(Task<GateOutcome> request, ApprovalDecision decision)
    {
        await HomelabAppFactory.WaitForAsync(() => _cards.Added.Count > 0, TimeSpan.FromSeconds(5), "the card");
        Assert.False(request.IsCompleted);
        Assert.Empty(_runner.Runs);
        Assert.True(_broker.TryResolve(_conversation, _cards.Added[^1].Id, new HumanDecision(decision, s_person), out var detached));
        Assert.Null(detached);
        return await request;
    }

    [Fact]
    public async Task Request_Web_Approved_RunsAsTheApproverViaTheAgent()
    {
        var outcome = await DecideWhilePendingAsync(Gate(ConversationSurface.Web).RequestAsync(s_restart, Ct), ApprovalDecision.Approve);

        Assert.IsType<GateApproved>(outcome);
        var run = Assert.Single(_runner.Runs);
        Assert.Equal(new Actor("alice", ActionVia.Agent), run.Actor);
        Assert.Same(s_restart.Action, run.Action);
        Assert.Equal(ApprovalState.Approved, _cards.States[^1]);
        Assert.Equal("Restart sonarr?\nTarget: container sonarr on docker-server", string.Join('\n', _cards.Added[0].Text.Split('\n').Take(2)));
    }

    [Fact]
    public async Task Request_Web_Denied_NeverRuns()
    {
        var outcome = await DecideWhilePendingAsync(Gate(ConversationSurface.Web).RequestAsync(s_restart, Ct), ApprovalDecision.Deny);

        Assert.IsType<GateDenied>(outcome);
        Assert.Empty(_runner.Runs);
        Assert.Equal(ApprovalState.Denied, _cards.States[^1]);
    }

    [Fact]
    public async Task Request_AllowedForTheConversation_NextCallRunsWithoutAsking()
    {
        var gate = Gate(ConversationSurface.Web);
        await DecideWhilePendingAsync(gate.RequestAsync(s_restart, Ct), ApprovalDecision.AllowToolForConversation);

        var again = await gate.RequestAsync(s_restart, Ct);

        Assert.IsType<GateApproved>(again);
        Assert.Equal(2, _runner.Runs.Count);
        Assert.Equal([ApprovalState.Pending, ApprovalState.AllowedForConversation], _cards.Added.Select(c => c.Approval!.Value));
        Assert.False(_live.IsAllowed("stop_container"));
    }

    [Fact]
    public async Task Request_ApiWithTheToolAllowed_RunsAsTheCallerViaTheAgent()
    {
        var outcome = await Gate(ConversationSurface.Api, "restart_container").RequestAsync(s_restart, Ct);

        Assert.IsType<GateApproved>(outcome);
        Assert.Equal(new Actor("discord-bot", ActionVia.Agent), Assert.Single(_runner.Runs).Actor);
        Assert.Empty(_cards.Added);
    }

    [Fact]
    public async Task Request_ApiWithoutTheToolAllowed_LeavesACardAndDoesNotRun()
    {
        var outcome = await Gate(ConversationSurface.Api, "start_container").RequestAsync(s_restart, Ct);

        var pending = Assert.IsType<GateNeedsApproval>(outcome);
        var card = Assert.Single(_cards.Added);
        Assert.Equal(card.Id.ToString(), pending.ApprovalId);
        Assert.Equal($"/chat/{_conversation}#approval-{card.Id}", pending.Link);
        Assert.Empty(_runner.Runs);
        Assert.True(_broker.IsPending(card.Id));
        Assert.False(_broker.TryResolve(Guid.NewGuid(), card.Id, new HumanDecision(ApprovalDecision.Approve, s_person), out _));
    }

    /// <summary>Approval cards kept in a list.</summary>
    private sealed class TestCards : IApprovalCards
    {
        public List<ConversationMessage> Added { get; } = [];

        public List<ApprovalState> States { get; } = [];

        public Task<ConversationMessage> AddApprovalAsync(ProposedAction proposal, ApprovalState state, CancellationToken cancellationToken)
        {
            var card = new ConversationMessage { ConversationId = Guid.Empty, Role = MessageRole.Approval, Text = ApprovalText.Of(proposal), Approval = state, CreatedAt = DateTimeOffset.UnixEpoch };
            Added.Add(card);
            States.Add(state);
            return Task.FromResult(card);
        }

        public Task UpdateApprovalAsync(ConversationMessage card, ApprovalState state, CancellationToken cancellationToken)
        {
            States.Add(state);
            return Task.CompletedTask;
        }
    }
}
