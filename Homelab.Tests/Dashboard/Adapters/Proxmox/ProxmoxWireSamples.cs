namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

/// <summary>Wire JSON as protocols.md §1 describes it (field names real, values made up).</summary>
internal static class ProxmoxWireSamples
{
    public const string ClusterStatus = """
        [{"type":"cluster","id":"cluster","name":"homelab","nodes":2,"quorate":1,"version":4},
         {"type":"node","id":"node/pve1","name":"pve1","nodeid":1,"online":1,"local":1,"ip":"10.0.0.5","level":""},
         {"type":"node","id":"node/pve2","name":"pve2","nodeid":2,"online":0,"local":0,"ip":"10.0.0.6","level":""}]
        """;

    public const string ClusterResources = """
        [{"id":"qemu/100","type":"qemu","vmid":100,"name":"media","node":"pve1","status":"running",
          "cpu":0.0731,"maxcpu":4,"mem":3221225472,"maxmem":8589934592,"disk":0,"maxdisk":68719476736,
          "uptime":86400,"netin":123456789,"netout":98765432,"template":0,"tags":"media;prod"},
         {"id":"lxc/101","type":"lxc","vmid":101,"name":"dns","node":"pve2","status":"stopped",
          "maxcpu":1,"maxmem":536870912,"maxdisk":8589934592,"template":0,"lock":"backup"},
         {"id":"node/pve1","type":"node","node":"pve1","status":"online","cpu":0.12,"maxcpu":16,
          "mem":30064771072,"maxmem":67108864000,"disk":21474836480,"maxdisk":100000000000,"uptime":1209600,"level":""},
         {"id":"node/pve2","type":"node","node":"pve2","status":"offline","cpu":0.5,"maxcpu":8,"mem":1,"maxmem":2,"uptime":5},
         {"id":"storage/pve1/local-lvm","type":"storage","storage":"local-lvm","node":"pve1","status":"available",
          "plugintype":"lvmthin","disk":400000000000,"maxdisk":900000000000,"shared":0,"content":"images,rootdir"},
         {"id":"pool/lab","type":"pool","pool":"lab"},
         {"id":"sdn/pve1/localnetwork","type":"sdn","sdn":"localnetwork","node":"pve1","status":"ok"}]
        """;

    public const string NodeStatus = """
        {"cpu":0.031,"wait":0.0021,"loadavg":["0.41","0.52","0.60"],"uptime":1209600,"idle":0,
         "memory":{"total":67108864000,"used":30064771072,"free":37044092928,"available":39000000000},
         "swap":{"total":8589934592,"used":0,"free":8589934592},
         "rootfs":{"total":100000000000,"used":21474836480,"avail":73000000000,"free":78525163520},
         "cpuinfo":{"cpus":16,"cores":8,"sockets":1,"model":"AMD Ryzen 7 8845HS w/ Radeon 780M Graphics","mhz":"3800.000"},
         "kversion":"Linux 6.14.11-4-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.11-4","pveversion":"pve-manager/9.1.1/42db4a6cf33dac83"}
        """;

    public const string Upid = "UPID:pve1:0002A1F3:0B7C2D11:6650A1B2:qmshutdown:100:dash@pve!ro:";
}
