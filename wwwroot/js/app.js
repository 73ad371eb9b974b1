// Small helpers the Blazor components call through JS interop.
window.homelab = {
  setTheme(value) {
    document.cookie = `homelab-theme=${value}; path=/; max-age=31536000; samesite=lax`;
  },
};
