namespace Homelab.Domain.Agent.Tools;

/// <summary>What calling a tool does to the homelab.</summary>
public enum ToolEffect
{
    /// <summary>Only reads; the agent may call it freely.</summary>
    ReadOnly,

    /// <summary>Changes something; every call waits for a person's approval and runs through the one action path.</summary>
    ChangesState,
}
