// Progressive enhancement only: every page works without it.
// Moves focus to the message region after an action, so screen readers and keyboards land on the outcome.
document.addEventListener('DOMContentLoaded', function () {
  var message = document.querySelector('#messages p');
  if (message) {
    message.setAttribute('tabindex', '-1');
    message.focus();
  }
});
