// The offline page's behaviour, in a file because the app's content security policy allows no inline script.
// Retry reloads the address the reader asked for (the service worker answered it with this page).
const retry = () => {
    document.getElementById("status").textContent = "Trying again…";
    location.reload();
};
document.getElementById("retry").addEventListener("click", retry);

// Come back on our own once the server answers: when the device says it is online, and every few seconds while
// the page is shown ("online" can arrive before the network really works). A HEAD request is never answered
// from the service worker's cache, so only the server can say yes.
const probe = async () => {
    try {
        const response = await fetch("/manifest.webmanifest", { method: "HEAD", cache: "no-store" });
        if (response.ok) {
            retry();
        }
    } catch {
        // Still offline.
    }
};
window.addEventListener("online", probe);
setInterval(() => {
    if (document.visibilityState === "visible") {
        probe();
    }
}, 5000);
