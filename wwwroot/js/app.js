// Small helpers the Blazor components call through JS interop.
window.homelab = {
  setTheme(value) {
    document.cookie = `homelab-theme=${value}; path=/; max-age=31536000; samesite=lax`;
  },

  // Keeps a log view pinned to its newest line, unless the reader scrolled up to read; scrolling back to the
  // bottom pins it again.
  scrollToEnd(element) {
    if (!element) {
      return;
    }

    if (!element.dataset.hlWatched) {
      element.dataset.hlWatched = "1";
      element.dataset.hlPinned = "1";
      element.addEventListener("scroll", () => {
        const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 24;
        element.dataset.hlPinned = atEnd ? "1" : "0";
      }, { passive: true });
    }

    if (element.dataset.hlPinned === "1") {
      element.scrollTop = element.scrollHeight;
    }
  },

  // Brings the element named by the address's #fragment into view (a link to an approval card in a chat drawn
  // after the page loaded). Returns whether there was one.
  revealHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    const element = id ? document.getElementById(id) : null;
    if (!element) {
      return false;
    }

    element.scrollIntoView({ block: "center" });
    element.classList.add("hl-flash");
    return true;
  },
};

// Chat input: Enter sends, Shift+Enter starts a new line. One listener for every such box, so no per-box interop.
document.addEventListener("keydown", (event) => {
  const box = event.target;
  if (event.key !== "Enter" || event.shiftKey || event.isComposing || !(box instanceof HTMLTextAreaElement)
    || !box.hasAttribute("data-hl-enter-submits")) {
    return;
  }

  event.preventDefault();
  if (!box.disabled && box.value.trim().length > 0) {
    box.form?.requestSubmit();
  }
});
