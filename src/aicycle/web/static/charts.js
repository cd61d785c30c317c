// Draws every chart on the page from its JSON data block (<script type="application/json">).
// A static file, so the Content-Security-Policy needs no inline script.
"use strict";
(function () {
  function openEvidence() {
    // A checkpoint's own page shows its evidence table open (the overview keeps it folded).
    document.querySelectorAll("[data-open-evidence] details.evidence").forEach(function (d) { d.open = true; });
  }
  function draw() {
    openEvidence();
    if (typeof Plotly === "undefined") { return; }
    document.querySelectorAll("div.chart[data-figure]").forEach(function (div) {
      var block = document.getElementById(div.getAttribute("data-figure"));
      if (!block) { return; }
      var fig = JSON.parse(block.textContent);
      var layout = Object.assign({autosize: true, font: {family: "system-ui, sans-serif"}}, fig.layout || {});
      Plotly.newPlot(div, fig.data || [], layout, {responsive: true, displaylogo: false})
        .then(function () { div.setAttribute("data-rendered", "true"); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
