// Asks before submitting a form, or pressing a submit button, that carries a data-confirm message
// (segment deletion says leads are safe; "Send now" names who receives the campaign).
document.addEventListener("submit", (event) => {
  const message = (event.submitter && event.submitter.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
