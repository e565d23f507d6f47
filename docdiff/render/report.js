/* docdiff report: filter and view controls. The report is complete without this script. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.closest(".docdiff")) || document.querySelector(".docdiff");
  if (!root) { return; }
  var controls = root.querySelector(".controls");
  var filter = root.querySelector("#filter-minor");
  var count = root.querySelector(".controls .count");
  var rows = root.querySelectorAll("tbody.pair");
  var views = root.querySelectorAll("input[name=view]");

  function update() {
    root.classList.toggle("hide-minor", filter.checked);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      if (!(filter.checked && rows[i].classList.contains("minor"))) { shown++; }
    }
    count.textContent = "Showing " + shown + " of " + rows.length + " clause pairs";
    for (var j = 0; j < views.length; j++) {
      root.classList.toggle("view-" + views[j].value, views[j].checked);
    }
  }

  // A link to a hidden row shows everything again, so no link leads nowhere.
  root.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (!link || !filter.checked) { return; }
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    var row = target && target.closest("tbody.minor");
    if (row) { filter.checked = false; update(); }
  });
  // Print everything: folded phrases open for printing and fold back after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var folded = root.querySelectorAll("details:not([open])");
    for (var d = 0; d < folded.length; d++) { folded[d].open = true; opened.push(folded[d]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) { opened.pop().open = false; }
  });
  filter.addEventListener("change", update);
  for (var k = 0; k < views.length; k++) { views[k].addEventListener("change", update); }
  controls.hidden = false;
  update();
  root.setAttribute("data-ready", "1");
  if (document.body) { document.body.setAttribute("data-ready", "1"); }
})();
