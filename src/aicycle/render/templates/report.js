  // a link to an evidence row opens the (collapsed) evidence table it sits in
  function openEvidence() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    var box = target && target.closest("details");
    if (box) { box.open = true; target.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", openEvidence);
  document.querySelectorAll("[data-figure]").forEach(function (el) {
    var fig = JSON.parse(document.getElementById(el.dataset.figure).textContent);
    Plotly.newPlot(el, fig.data, fig.layout, {displaylogo: false, displayModeBar: false, responsive: true});
  });
  openEvidence();
