// Tracking pages: after a refused post, move focus to the error summary so that keyboard and
// screen reader users start from what needs fixing (GOV.UK pattern). The pages work without it.
(function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
})();
