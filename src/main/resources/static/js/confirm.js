// Asks before submitting any form that carries a data-confirm message (segment deletion says leads are safe).
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
