"""The HTML report's stylesheet and script, inlined into every page.

They are constants rather than package files so the report needs nothing at
run time but this module; the page's Content-Security-Policy allows exactly
these two blocks by their SHA-256 hashes and nothing else, so even text that
slipped past escaping could not run or load anything.
"""

from __future__ import annotations

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --paper: #fff; --bg: #f4f4f2;
  --error: #b3261e; --warning: #8a5300; --info: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--bg); }
a { color: #0b57d0; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
header.top { background: #fff; border-bottom: 1px solid var(--line); padding: 10px 20px;
  position: sticky; top: 0; z-index: 5; }
header.top h1 { font-size: 18px; margin: 0 16px 0 0; display: inline-block; }
.filters { display: inline-flex; gap: 18px; flex-wrap: wrap; border: 0; margin: 0; padding: 0;
  vertical-align: middle; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: inline-flex; gap: 10px;
  align-items: center; }
.filters legend { float: left; font-weight: 600; margin-right: 6px; }
.filters label { white-space: nowrap; }
nav.files ol { margin: 6px 0 0; padding-left: 20px; }
main { padding: 16px 20px 40px; }
article.file { margin-bottom: 40px; }
article.file > h2 { font-size: 20px; margin: 8px 0 2px; word-break: break-all; }
.verdict { margin: 0 0 12px; color: var(--muted); }
.error-box { background: #fff; border-left: 4px solid var(--error); padding: 10px 14px; }
.budget { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px;
  margin-bottom: 14px; }
.budget h3 { font-size: 15px; margin: 0 0 6px; }
.budget.over h3 { color: var(--error); }
.bar { width: 100%; height: auto; display: block; }
.bar .sec { stroke: #fff; stroke-width: 2; }
.s0 { fill: #4e79a7; background: #4e79a7; } .s1 { fill: #59a14f; background: #59a14f; }
.s2 { fill: #9c755f; background: #9c755f; } .s3 { fill: #76b7b2; background: #76b7b2; }
.s4 { fill: #b07aa1; background: #b07aa1; } .s5 { fill: #edc948; background: #edc948; }
.bar .sec.over { stroke: var(--error); stroke-width: 4; }
.bar .track { fill: #eee; }
.bar .overflow { fill: var(--error); opacity: .35; }
.bar .limit { stroke: var(--error); stroke-width: 3; }
.bar text { font: 13px system-ui, sans-serif; fill: var(--ink); }
table.sections { border-collapse: collapse; margin-top: 8px; font-size: 13px; }
table.sections th, table.sections td { padding: 2px 10px 2px 0; text-align: left; }
table.sections td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.sections tr.over td { color: var(--error); font-weight: 600; }
.sw { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; }
.split { display: grid; grid-template-columns: minmax(240px, 340px) 1fr; gap: 16px;
  align-items: start; }
.panel { position: sticky; top: 64px; max-height: calc(100vh - 80px); overflow: auto;
  background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px;
  font-size: 13px; }
.panel h3 { font-size: 14px; margin: 10px 0 4px; }
.panel h4 { font-size: 12px; margin: 6px 0 2px; text-transform: uppercase; color: var(--muted); }
.panel ol { list-style: none; margin: 0; padding: 0; }
.panel li { margin: 2px 0; display: flex; gap: 6px; align-items: baseline; }
.panel li.off { display: none; }
.panel button { font: inherit; text-align: left; background: none; border: 0; padding: 2px 4px;
  cursor: pointer; color: var(--ink); border-left: 3px solid transparent; flex: 1; }
.panel button:hover, .panel button:focus-visible { background: #f0f0f0; }
.panel li.sev-error button { border-left-color: var(--error); }
.panel li.sev-warning button { border-left-color: var(--warning); }
.panel li.sev-info button { border-left-color: var(--info); }
.panel .code { font-weight: 600; }
.panel .where { color: var(--muted); }
.memo { background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
  padding: 28px 40px 40px 16px; font: 16px/1.55 Calibri, Carlito, "Segoe UI", Arial, sans-serif;
  max-width: 900px; }
.memo h3, .memo h4, .memo h5, .memo h6 { margin: 18px 0 6px 44px; line-height: 1.25; }
.memo h3 { font-size: 24px; } .memo h4 { font-size: 20px; } .memo h5 { font-size: 17px; }
.memo h6 { font-size: 16px; }
.memo ul, .memo ol { margin: 4px 0 8px 44px; padding-left: 24px; }
.memo li.sub { list-style: none; }
.memo li.sub > ul, .memo li.sub > ol { margin-left: 0; }
.para { display: grid; grid-template-columns: 36px 1fr; gap: 8px; margin: 0 0 8px; }
.para p { margin: 0; }
.para blockquote { margin: 0 0 0 8px; padding-left: 12px; border-left: 3px solid var(--line);
  color: #333; }
.grade { font: 11px/1 system-ui, sans-serif; border-radius: 3px; text-align: center;
  padding: 4px 0; align-self: stretch; color: #111; }
.grade.none { background: transparent; }
.g0 { background: #c7e9c0; } .g1 { background: #e5f5c0; } .g2 { background: #fff3b0; }
.g3 { background: #fdd49e; } .g4 { background: #fcae91; } .g5 { background: #f4a0a0; }
pre.code, pre.table-text { margin: 6px 0 10px 44px; padding: 8px 10px; background: #f6f6f6;
  border-radius: 4px; white-space: pre-wrap; font: 13px/1.4 "Courier New", monospace; }
.table-wrap { margin: 6px 0 10px 44px; overflow-x: auto; }
.table-wrap table { border-collapse: collapse; font-size: 14px; }
.table-wrap th, .table-wrap td { border: 1px solid var(--line); padding: 4px 8px;
  vertical-align: top; white-space: pre-wrap; text-align: left; }
.page-end { display: block; margin: 10px 0 10px 44px; border-top: 2px dashed #888;
  font: 12px system-ui, sans-serif; color: var(--muted); text-align: right; }
.page-end span { position: relative; top: -9px; background: var(--paper); padding: 0 6px; }
span.page-end { margin: 10px 0; }
.page-end.limit { border-top: 3px solid var(--error); color: var(--error); font-weight: 600; }
.appendix-start { margin: 18px 0 6px 44px; border-top: 3px double var(--muted);
  font: 12px system-ui, sans-serif; color: var(--muted); }
.page-break { margin: 8px 0 8px 44px; border-top: 1px solid var(--line); font-size: 12px;
  color: var(--muted); }
.image { margin: 6px 0 6px 44px; color: var(--muted); }
mark.hl { color: inherit; border-radius: 2px; cursor: help; padding: 1px 0;
  border-bottom: 2px solid; }
mark.sev-error { background: #fde2e0; border-bottom-color: var(--error); }
mark.sev-warning { background: #fff0c2; border-bottom-color: var(--warning); }
mark.sev-info { background: #e0eaff; border-bottom-color: var(--info); }
mark.hl:empty::before { content: "\\25B2"; font-size: 10px; padding: 0 2px; }
mark.hl.off { background: transparent; border-bottom-color: transparent; cursor: auto; }
mark.hl:focus-visible { outline: 2px solid #000; outline-offset: 1px; }
mark.hl.flash { outline: 3px solid #000; animation: flash .6s ease-in-out 3; }
@keyframes flash { 50% { background: #ffd54f; } }
#tip { position: absolute; z-index: 20; max-width: 420px; background: #1f1f1f; color: #fff;
  padding: 8px 10px; border-radius: 6px; font: 13px/1.4 system-ui, sans-serif;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); }
#tip a { color: #9ecbff; }
#tip .t-head { font-weight: 600; margin-bottom: 2px; }
#tip .t-fix { color: #cfe8cf; }
.rules details { background: #fff; border: 1px solid var(--line); border-radius: 6px;
  margin: 6px 0; padding: 6px 12px; }
.rules summary { cursor: pointer; font-weight: 600; }
.rules pre { white-space: pre-wrap; font: 13px/1.45 "Courier New", monospace; }
@media (max-width: 900px) { .split { grid-template-columns: 1fr; } .panel { position: static;
  max-height: none; } }
@media (prefers-reduced-motion: reduce) { mark.hl.flash { animation: none; } }
@media print {
  header.top, .panel, #tip, .skip { display: none !important; }
  body { background: #fff; font-size: 11pt; } main { padding: 0; }
  .split { display: block; } .memo { border: 0; padding: 0; max-width: none; }
  .budget { border: 0; padding: 0; break-inside: avoid; }
  mark.hl { background: none !important; border-bottom-style: dotted; }
  .rules details { border: 0; } .rules details:not([open]) { display: none; }
  article.file { break-after: page; }
}
"""

JS = """
(function () {
  'use strict';
  var tip = document.getElementById('tip');
  function entry(n) { return document.getElementById('p' + n); }
  function part(li, cls) { var el = li.querySelector('.' + cls); return el ? el.textContent : ''; }
  function showTip(mark) {
    var li = entry(mark.dataset.f);
    if (!li) { return; }
    tip.textContent = '';
    var head = document.createElement('div');
    head.className = 't-head';
    head.textContent = li.dataset.code + ' ' + li.dataset.name + ' (' + li.dataset.sev + ')';
    var msg = document.createElement('div');
    msg.textContent = part(li, 'msg');
    tip.appendChild(head);
    tip.appendChild(msg);
    var fix = part(li, 'fix');
    if (fix) {
      var f = document.createElement('div');
      f.className = 't-fix';
      f.textContent = 'Fix: ' + fix;
      tip.appendChild(f);
    }
    var link = li.querySelector('a.docs');
    if (link) {
      var a = document.createElement('a');
      a.href = link.getAttribute('href');
      a.textContent = 'What ' + li.dataset.code + ' checks, and why';
      tip.appendChild(a);
    }
    var r = mark.getBoundingClientRect();
    tip.hidden = false;
    tip.style.left = Math.max(8, Math.min(window.scrollX + r.left,
      window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8)) + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
  }
  function hideTip() { tip.hidden = true; }
  function markOf(target) {
    return target && target.closest ? target.closest('mark.hl:not(.off)') : null;
  }
  document.addEventListener('mouseover', function (e) {
    var m = markOf(e.target);
    if (m) { showTip(m); }
  });
  document.addEventListener('mouseout', function (e) {
    if (markOf(e.target) && !(e.relatedTarget && tip.contains(e.relatedTarget))) { hideTip(); }
  });
  tip.addEventListener('mouseleave', hideTip);
  document.addEventListener('focusin', function (e) {
    var m = markOf(e.target);
    if (m) { showTip(m); } else if (!tip.contains(e.target)) { hideTip(); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { hideTip(); }
    var m = markOf(e.target);
    if (m && e.key === 'Enter') {
      var button = entry(m.dataset.f).querySelector('button');
      if (button) { button.focus(); }
    }
  });
  function reveal(n) {
    var mark = document.getElementById('f' + n);
    if (!mark) { return; }
    mark.scrollIntoView({block: 'center', inline: 'nearest'});
    mark.classList.remove('flash');
    void mark.offsetWidth;
    mark.classList.add('flash');
    mark.focus({preventScroll: true});
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('button[data-goto]') : null;
    if (button) { reveal(button.dataset.goto); }
  });
  function openRule() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && el.tagName === 'DETAILS') { el.open = true; el.scrollIntoView(); }
  }
  window.addEventListener('hashchange', openRule);
  openRule();
  function applyFilters() {
    var on = {};
    document.querySelectorAll('input[data-filter]').forEach(function (box) {
      on[box.dataset.filter + ':' + box.value] = box.checked;
    });
    document.querySelectorAll('[data-f][data-sev]').forEach(function (el) {
      var visible = on['sev:' + el.dataset.sev] !== false && on['fam:' + el.dataset.fam] !== false;
      el.classList.toggle('off', !visible);
      if (el.id && el.tagName === 'MARK') { el.tabIndex = visible ? 0 : -1; }
    });
    hideTip();
  }
  document.querySelectorAll('input[data-filter]').forEach(function (box) {
    box.addEventListener('change', applyFilters);
  });
  applyFilters();
})();
"""
