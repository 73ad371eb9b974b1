namespace Homelab.Dashboard.Simulator.State;

internal sealed partial class SimulatedHomelab
{
    /// <summary>
    /// Takes a node off the cluster or brings it back, as a power cut or a broken link would. While it is offline the
    /// wire APIs report it (and its guests and storage) without figures; its guests keep their run state.
    /// </summary>
    /// <returns>False for an unknown node.</returns>
    public bool SetNodeOnline(string node, bool online)
    {
        lock (_gate)
        {
            var found = _nodes.FirstOrDefault(n => n.Seed.Name == node);
            if (found is null)
            {
                return false;
            }

            if (!found.Online && online)
            {
                found.BootedAt = _time.GetUtcNow();
            }

            found.Online = online;
            return true;
        }
    }
}
