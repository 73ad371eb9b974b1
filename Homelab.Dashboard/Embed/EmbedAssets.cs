using Homelab.Dashboard.Security.Headers;

namespace Homelab.Dashboard.Embed;

/// <summary>
/// The embeds' whole stylesheet and script, inlined into each page: one request per (re)load of a Homepage panel,
/// no MudBlazor, no Blazor circuit. CSP allows exactly these two by hash.
/// </summary>
internal static class EmbedAssets
{
    public const string Style = """
:root{--bg:#1e2130;--fg:#e6e8ef;--mut:#9aa0b4;--line:#2f3448;--ok:#4caf50;--warn:#ff9800;--bad:#f44336;--bar:#5c7cfa;color-scheme:dark}
:root.light{--bg:#fff;--fg:#1c1f2b;--mut:#5d6477;--line:#e2e5ee;--bar:#3b5bdb;color-scheme:light}
:root.transparent{--bg:transparent}
*{box-sizing:border-box}
body{margin:0;padding:8px 10px;background:var(--bg);color:var(--fg);font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow:hidden}
.hd{display:flex;align-items:center;gap:8px;margin-bottom:4px}
.t{font-weight:600;font-size:14px}
time{margin-left:auto;color:var(--mut);font-size:11px}
.pill{font-size:10px;padding:0 6px;border-radius:8px;border:1px solid var(--line);color:var(--mut)}
.pill.stale,.pill.pending{color:var(--warn);border-color:var(--warn)}
.pill.down{color:var(--bad);border-color:var(--bad)}
.offline .hd::after{content:"reconnecting…";color:var(--warn);font-size:11px}
.sum{margin:0 0 6px;color:var(--mut)}
.sum b{color:var(--fg);font-weight:600}
.rows{list-style:none;margin:0;padding:0}
.rows li{display:flex;align-items:center;gap:6px;padding:2px 0;border-top:1px solid var(--line);white-space:nowrap}
.rows .n{flex:1;overflow:hidden;text-overflow:ellipsis}
.rows .m,.rows .c{color:var(--mut);font-size:11px}
.off{opacity:.6}
.quiet{color:var(--mut)}
.dot{width:8px;height:8px;border-radius:50%;flex:none;background:var(--mut)}
.dot.ok{background:var(--ok)}.dot.warn{background:var(--warn)}.dot.bad{background:var(--bad)}
.warn{color:var(--warn)!important}
progress{width:64px;height:6px;appearance:none;border:0;border-radius:3px;background:var(--line)}
progress::-webkit-progress-bar{background:var(--line);border-radius:3px}
progress::-webkit-progress-value{background:var(--bar);border-radius:3px}
progress::-moz-progress-bar{background:var(--bar);border-radius:3px}
.big{font-size:20px;font-weight:600;margin:2px 0 6px}
.big.ok{color:var(--ok)}.big.bad{color:var(--bad)}
.kv{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
.kv dt{color:var(--mut)}.kv dd{margin:0}
""";

    /// <summary>Follows the view's event stream (which reconnects by itself) and keeps "updated … ago" ticking.</summary>
    public const string Script = """
(()=>{const m=document.getElementById("embed"),r=document.documentElement;
const tick=()=>{for(const t of m.querySelectorAll("time[data-ts]")){const s=Math.max(0,Math.floor((Date.now()-Number(t.dataset.ts))/1e3));
t.textContent="updated "+(s<1?"just now":(s<60?s+" s":s<3600?Math.floor(s/60)+" min":Math.floor(s/3600)+" h")+" ago")}};
const es=new EventSource(location.pathname+"/events"+location.search);
es.addEventListener("fragment",e=>{m.innerHTML=e.data;m.dataset.live="true";tick()});
es.onopen=()=>r.classList.remove("offline");es.onerror=()=>r.classList.add("offline");
setInterval(tick,1e3)})();
""";

    public static FrameableByAllowedOrigins Framing { get; } = new(ContentSecurityPolicy.Hash(Script), ContentSecurityPolicy.Hash(Style));
}
