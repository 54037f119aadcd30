// The source view (/sources/ID?quote=STUDY/EVIDENCE): brings the highlighted quote into view and
// gives it focus, so keyboard and screen-reader users start reading there too.
(function () {
  var quote = document.getElementById('quote');
  if (quote) {
    quote.scrollIntoView({ block: 'center' });
    quote.focus({ preventScroll: true });
  }
})();
