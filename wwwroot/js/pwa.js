// The installable app: registers the service worker, and keeps the Blazor circuit alive the way a phone needs.
"use strict";

(() => {
  // --- Service worker ------------------------------------------------------------------------------------------
  // Service workers need a secure context: HTTPS, or http://localhost / 127.0.0.1. Elsewhere the app still works,
  // it just cannot be installed.
  const version = document.currentScript?.dataset.swVersion ?? "";
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", async () => {
      try {
        // The version is part of the script URL, so a deploy with new static files installs a new worker.
        await navigator.serviceWorker.register(`/sw.js?v=${encodeURIComponent(version)}`, { scope: "/" });
        const registration = await navigator.serviceWorker.ready;
        // The page's own styles and scripts are its app shell: hand them to the worker to keep.
        const urls = [...document.querySelectorAll("link[rel=stylesheet][href], script[src]")]
          .map((element) => element.href || element.src);
        registration.active?.postMessage({ type: "cache-shell", urls });
      } catch (error) {
        console.warn("Service worker registration failed; the dashboard works, but cannot be installed.", error);
      }
    });
  }

  // --- Reconnection ----------------------------------------------------------------------------------------------
  // blazor.web.js reports its reconnection state on the dialog in Layout/ReconnectModal.razor. While it is still
  // retrying it retries at once by itself when the page becomes visible (blazor.web.js 10.0), so this handles what
  // comes after: it gave up ("failed") or the server paused the circuit, and the phone brings the app back; and the
  // server no longer has the circuit ("rejected"), where only a reload helps.
  const dialog = document.getElementById("components-reconnect-modal");
  if (!dialog) {
    return;
  }

  let state = "hide";

  const show = () => {
    if (!dialog.open) {
      dialog.showModal();
    }
  };

  // Rejoin the circuit, or resume it if the server paused it; reload when the server has neither. A network error
  // (still offline) leaves the dialog up for the next attempt.
  const rejoin = async () => {
    try {
      if (await Blazor.reconnect() || await Blazor.resumeCircuit()) {
        return;
      }

      location.reload();
    } catch (error) {
      console.info("Still cannot reach the dashboard.", error);
    }
  };

  const waitingForUs = () => state === "failed" || state === "paused" || state === "resume-failed";

  dialog.addEventListener("components-reconnect-state-changed", (event) => {
    state = event.detail?.state ?? "hide";
    switch (state) {
      case "hide":
        if (dialog.open) {
          dialog.close();
        }
        break;
      case "rejected":
        location.reload();
        break;
      default:
        // "show" and "retrying" while blazor.web.js retries; "failed", "paused" and "resume-failed" wait for the
        // next visibility change or the Retry button.
        show();
        break;
    }
  });

  const onForeground = () => {
    if (document.visibilityState === "visible" && waitingForUs()) {
      rejoin();
    }
  };
  document.addEventListener("visibilitychange", onForeground);
  // A page restored from the back/forward cache fires pageshow, not visibilitychange.
  window.addEventListener("pageshow", onForeground);

  dialog.addEventListener("click", (event) => {
    const action = event.target instanceof Element ? event.target.closest("[data-hl-reconnect]")?.dataset.hlReconnect : null;
    if (action === "retry") {
      rejoin();
    } else if (action === "reload") {
      location.reload();
    }
  });

  // Escape would close the dialog over a dead page; the state change closes it.
  dialog.addEventListener("cancel", (event) => event.preventDefault());
})();
