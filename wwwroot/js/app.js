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
};
