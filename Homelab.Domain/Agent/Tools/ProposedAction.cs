using Homelab.Domain.Actions;

namespace Homelab.Domain.Agent.Tools;

/// <summary>
/// A state change the agent asks for, as the approval card shows it: what, on which target, and what it will do.
/// </summary>
/// <remarks>
/// The card's wording comes from <see cref="Action"/>, the same request the pages confirm, so an approval means the
/// same thing whether it was clicked on a page or asked for in a chat.
/// </remarks>
/// <param name="ToolName">The tool the model called, e.g. <c>stop_container</c>.</param>
/// <param name="Arguments">The call's arguments in short, e.g. <c>jellyfin</c> or <c>ubuntu delete_files=true</c>.</param>
/// <param name="Action">The resolved request that runs if approved.</param>
public sealed record ProposedAction(string ToolName, string Arguments, HomelabAction Action)
{
    /// <summary>"stop_container jellyfin": how results and denials name the call.</summary>
    public string Call => Arguments.Length == 0 ? ToolName : $"{ToolName} {Arguments}";

    /// <summary>"Stop jellyfin?"</summary>
    public string Title => Action.ConfirmationTitle;

    /// <summary>"container jellyfin on docker-server"</summary>
    public string Target => Action.TargetDisplay;

    /// <summary>One line saying what will happen, e.g. "Stops container jellyfin on docker-server; …".</summary>
    public string WhatItWillDo => Action.Effect;

    /// <summary>Whether it interrupts something running (the card makes that visible).</summary>
    public bool Disruptive => Action.Disruptive;
}
