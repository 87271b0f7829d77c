"""The style sheet and the script inlined in every HTML report (see ``html_report``).

Fonts are the system's (CJK families listed for each platform); nothing is fetched.
"""

#: Layout, label marks, the evaluation statuses (tp, fp, fn, conflict, ignored, value-error).
CSS = """
:root { --fg: #1f2328; --muted: #6e7781; --line: #d0d7de; --err: #cf222e; --bg: #ffffff; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #f6f8fa; font: 15px/1.5 system-ui, -apple-system,
  "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "WenQuanYi Micro Hei", sans-serif; }
header.top { background: var(--bg); border-bottom: 1px solid var(--line); padding: 12px 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.top-grid { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 4px 32px; }
.top-grid > .summary { flex: 0 1 auto; }
.top-grid > .legend { flex: 1 1 480px; }
h2 { font-size: 17px; margin: 0; }
.layout { display: flex; align-items: flex-start; }
nav.toc { position: sticky; top: 0; width: 230px; flex: none; max-height: 100vh; overflow: auto;
  padding: 8px 12px; font-size: 13px; border-right: 1px solid var(--line); background: var(--bg); }
nav.toc h3 { font-size: 13px; margin: 4px 0; }
nav.toc ol { padding-left: 22px; margin: 0; }
nav.toc a { color: #0969da; text-decoration: none; word-break: break-all; }
nav.toc li.other-page { opacity: 0.55; }
main { flex: 1; min-width: 0; padding: 12px 24px; }
section.doc { background: var(--bg); border: 1px solid var(--line); border-radius: 8px;
  padding: 14px 18px; margin-bottom: 16px; }
section.doc[hidden] { display: none; }
body.only-errors [data-errors="0"] { display: none; }
.meta, .muted { color: var(--muted); }
.meta { margin: 2px 0 6px; font-size: 13px; }
a.anchor { color: var(--muted); text-decoration: none; }
.counts, .totals { margin: 6px 0; }
.count { display: inline-block; border-radius: 4px; padding: 0 6px; margin: 0 6px 4px 0; font-size: 12px; }
.entities { font-size: 16px; }
mark.entity { padding: 0.25em 0.4em; margin: 0 0.15em; line-height: 1; border-radius: 0.35em;
  cursor: pointer; border: 2px solid transparent; }
mark.entity .label { font-size: 0.62em; font-weight: bold; vertical-align: middle; margin-left: 0.35em;
  font-family: system-ui, sans-serif; }
mark.entity .status { font-size: 0.62em; font-weight: bold; color: #fff; background: var(--err);
  border-radius: 3px; padding: 0 3px; margin-left: 0.3em; vertical-align: middle; }
mark.entity:focus { outline: 2px solid #0969da; }
mark.fn { border: 2px dashed var(--err);
  background-image: linear-gradient(rgba(255,255,255,.6), rgba(255,255,255,.6)) !important; }
mark.fp { border: 2px solid var(--err);
  background-image: repeating-linear-gradient(135deg, transparent 0 6px, rgba(255,255,255,.55) 6px 9px) !important; }
mark.conflict { border: 2px solid #bf8700; }
mark.conflict .seg.in-gold { border-bottom: 2px dashed var(--err); }
mark.ignored { opacity: 0.55; border: 1px dotted var(--muted); }
mark.value-error { border: 2px solid #8250df; }
.legend ul { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.legend ul.statuses { font-size: 13px; }
.legend p { margin: 2px 0; font-size: 13px; }
.chip { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 5px;
  vertical-align: -1px; }
.relations { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px 28px; margin-top: 10px; }
table { border-collapse: collapse; font-size: 13px; }
caption { text-align: left; font-weight: bold; padding: 2px 0; }
th, td { border: 1px solid var(--line); padding: 2px 8px; text-align: left; }
th { background: #f6f8fa; }
table.scores td:not(:first-child), table.scores th:not(:first-child) { text-align: right; }
table.scores tr.micro { font-weight: bold; }
table.scores tr.relation td:first-child { font-style: italic; }
.errors { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px 24px; margin-top: 10px; }
tr.fp td:first-child, tr.fn td:first-child { color: var(--err); font-weight: bold; }
.badge.err { color: #fff; background: var(--err); border-radius: 8px; padding: 0 6px; font-size: 11px; }
.note { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 4px 10px; }
.controls { display: flex; gap: 20px; align-items: center; margin-bottom: 10px; }
.controls:empty { display: none; }
#popup { position: absolute; z-index: 10; max-width: 420px; background: #24292f; color: #fff;
  font-size: 13px; padding: 6px 10px; border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.25); }
@media print { nav.toc, .controls { display: none; } section.doc[hidden] { display: block; } }
"""

#: Pagination, the errors-only filter and the entity popup. Text goes in with textContent only.
SCRIPT = """
(function () {
  var body = document.body, pages = +body.dataset.pages, current = 0;
  var docs = [].slice.call(document.querySelectorAll("section.doc"));
  var tocItems = [].slice.call(document.querySelectorAll("nav.toc li"));
  var onlyErrors = document.getElementById("only-errors");
  var label = document.getElementById("page-label");
  var prev = document.getElementById("prev"), next = document.getElementById("next");
  function filtered() { return onlyErrors && onlyErrors.checked; }
  function show(page) {
    current = Math.max(0, Math.min(pages - 1, page));
    var all = filtered();
    docs.forEach(function (d) { d.hidden = !all && +d.dataset.page !== current; });
    tocItems.forEach(function (li) { li.classList.toggle("other-page", !all && +li.dataset.page !== current); });
    if (label) label.textContent = all ? "all pages" : "page " + (current + 1) + " of " + pages;
    if (prev) prev.disabled = all || current === 0;
    if (next) next.disabled = all || current === pages - 1;
  }
  function showTarget() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.dataset.page !== undefined) { show(+target.dataset.page); target.scrollIntoView(); }
  }
  if (prev) prev.addEventListener("click", function () { show(current - 1); window.scrollTo(0, 0); });
  if (next) next.addEventListener("click", function () { show(current + 1); window.scrollTo(0, 0); });
  if (onlyErrors) onlyErrors.addEventListener("change", function () {
    body.classList.toggle("only-errors", onlyErrors.checked); show(current);
  });
  window.addEventListener("hashchange", showTarget);
  if (onlyErrors && location.hash === "#errors") {  // a link that opens the filtered view
    onlyErrors.checked = true; body.classList.add("only-errors");
  }
  var popup = document.getElementById("popup");
  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest ? ev.target.closest("mark.entity") : null;
    if (!mark || !mark.title) { popup.hidden = true; return; }
    popup.textContent = mark.title;
    var r = mark.getBoundingClientRect();
    popup.hidden = false;
    var left = Math.max(4, Math.min(r.left, document.documentElement.clientWidth - popup.offsetWidth - 4));
    popup.style.left = (window.scrollX + left) + "px";
    popup.style.top = (window.scrollY + r.bottom + 4) + "px";
  });
  body.classList.add("js");
  show(0);
  showTarget();
})();
"""
