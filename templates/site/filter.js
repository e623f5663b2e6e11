// wep publish: a filter box for long tables (registers, the list of meetings). The page works
// without it: the box is added only when scripts run, and filtering only hides rows.
(function () {
  'use strict';
  var tables = document.querySelectorAll('table[data-filter]');
  for (var t = 0; t < tables.length; t++) addFilter(tables[t], t);

  function addFilter(table, n) {
    var rows = table.tBodies[0] ? table.tBodies[0].rows : [];
    if (rows.length < 10) return;
    var wrap = document.createElement('div');
    wrap.className = 'filter';
    var id = 'filter-' + (n + 1);
    var label = document.createElement('label');
    label.setAttribute('for', id);
    label.textContent = 'Filter: ' + (table.caption ? table.caption.textContent : 'rows');
    var input = document.createElement('input');
    input.type = 'search';
    input.id = id;
    input.autocomplete = 'off';
    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.className = 'filter-status';
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(status);
    var host = table.parentNode.className === 'table-wrap' ? table.parentNode : table;
    host.parentNode.insertBefore(wrap, host);
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var text = rows[i].textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        rows[i].hidden = !match;
        if (match) shown++;
      }
      status.textContent = words.length ? shown + ' of ' + rows.length + ' rows shown' : '';
    });
  }
})();
