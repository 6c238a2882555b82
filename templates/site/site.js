// archgen site: language switch, sortable and filterable tables, keyboard shortcuts.
// Plain ES2017, no dependencies, no requests.
(function () {
  'use strict';

  // ---- language switch (document and comparison pages); the choice is remembered
  var LANG_KEY = 'archgen.lang';
  function setLang(lang) {
    var panels = document.querySelectorAll('[data-lang-panel]');
    if (!panels.length) return;
    for (var i = 0; i < panels.length; i++) panels[i].hidden = panels[i].getAttribute('data-lang-panel') !== lang;
    var buttons = document.querySelectorAll('[data-lang]');
    for (var j = 0; j < buttons.length; j++) buttons[j].setAttribute('aria-pressed', String(buttons[j].getAttribute('data-lang') === lang));
    document.documentElement.lang = lang;
    try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* storage may be disabled for file:// */ }
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-lang]');
    if (button) setLang(button.getAttribute('data-lang'));
  });
  var initial = null;
  var match = /[#&]lang=(ko|en)\b/.exec(location.hash);
  if (match) initial = match[1];
  else { try { initial = localStorage.getItem(LANG_KEY); } catch (e) { initial = null; } }
  if (initial === 'ko' || initial === 'en') setLang(initial);

  // ---- sortable, filterable tables: <table data-sortable>, <input data-filter-for="table-id">
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
  }
  function sortTable(table, index, button) {
    var current = button.getAttribute('data-dir');
    var dir = current === 'asc' ? 'desc' : 'asc';
    var headers = table.querySelectorAll('th[aria-sort]');
    for (var i = 0; i < headers.length; i++) headers[i].setAttribute('aria-sort', 'none');
    var buttons = table.querySelectorAll('th button[data-dir]');
    for (var k = 0; k < buttons.length; k++) buttons[k].removeAttribute('data-dir');
    button.setAttribute('data-dir', dir);
    button.closest('th').setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var result = compare(cellValue(r1, index), cellValue(r2, index));
      return dir === 'asc' ? result : -result;
    });
    for (var j = 0; j < rows.length; j++) body.appendChild(rows[j]);
  }
  var tables = document.querySelectorAll('table[data-sortable]');
  for (var t = 0; t < tables.length; t++) {
    (function (table) {
      var heads = table.tHead.rows[0].cells;
      for (var i = 0; i < heads.length; i++) {
        (function (th, index) {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'sort';
          while (th.firstChild) button.appendChild(th.firstChild);
          th.appendChild(button);
          th.setAttribute('aria-sort', 'none');
          button.addEventListener('click', function () { sortTable(table, index, button); });
        })(heads[i], i);
      }
    })(tables[t]);
  }
  function applyFilter(input) {
    var table = document.getElementById(input.getAttribute('data-filter-for'));
    if (!table) return;
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    // An optional <select data-filter-for data-column="N"> keeps only rows whose column N equals its value.
    var select = document.querySelector('select[data-filter-for="' + table.id + '"]');
    var column = select ? select.getAttribute('data-column') : null;
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var text = rows[i].textContent.toLowerCase();
      var ok = terms.every(function (term) { return text.indexOf(term) >= 0; });
      if (ok && column !== null && select.value !== '') ok = cellValue(rows[i], Number(column)) === select.value;
      rows[i].hidden = !ok;
      if (ok) shown++;
    }
    var count = document.querySelector('[data-count-for="' + table.id + '"]');
    if (count) count.textContent = shown + ' of ' + rows.length + ' rows';
  }
  var filters = document.querySelectorAll('input[data-filter-for], select[data-filter-for]');
  for (var f = 0; f < filters.length; f++) {
    filters[f].addEventListener('input', function (event) {
      var id = event.target.getAttribute('data-filter-for');
      applyFilter(document.querySelector('input[data-filter-for="' + id + '"]') || event.target);
    });
  }

  // ---- on narrow screens the tab bar scrolls: keep the current tab in view
  var current = document.querySelector('.tabs [aria-current="page"]');
  if (current && current.parentNode.parentNode.scrollWidth > current.parentNode.parentNode.clientWidth) {
    current.parentNode.parentNode.parentNode.scrollLeft = current.offsetLeft - 16;
  }

  // ---- keyboard: 0 home, 1-6 tabs, / focuses the first filter (not while typing)
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === '/') {
      var filter = document.querySelector('input[data-filter-for]');
      if (filter) { event.preventDefault(); filter.focus(); }
      return;
    }
    var link = document.querySelector('a[data-key="' + event.key + '"]');
    if (link) { event.preventDefault(); location.href = link.href; }
  });
})();
