// The agenda's "Print" button. No inline script: the CSP forbids it.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
