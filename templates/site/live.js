// archgen watch: live reload over Server-Sent Events from the local server (127.0.0.1).
// A rebuilt site reloads the page; an invalid model replaces the page's content with its
// errors (file:line:col, rule id) until the model is fixed.
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  var main = document.getElementById('main');
  var build = null;
  function text(tag, className, value) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = value;
    return element;
  }
  function showErrors(state) {
    var panel = document.getElementById('live-errors');
    if (!panel) {
      panel = document.createElement('section');
      panel.id = 'live-errors';
      panel.className = 'live-errors';
      panel.setAttribute('role', 'alert');
      main.parentNode.insertBefore(panel, main);
    }
    panel.textContent = '';
    panel.appendChild(text('h1', '', 'The model is invalid: fix it and save'));
    panel.appendChild(text('p', 'muted', state.message + ' The last good build is kept on disk; this page shows it again once the model is valid.'));
    var list = document.createElement('ul');
    list.className = 'diagnostics';
    (state.diagnostics || []).forEach(function (d) {
      var item = document.createElement('li');
      item.className = 'diagnostic ' + d.severity;
      item.appendChild(text('code', 'position', d.file + ':' + d.line + ':' + d.col));
      item.appendChild(document.createTextNode(' '));
      item.appendChild(text('span', 'severity', d.severity));
      item.appendChild(document.createTextNode(' '));
      item.appendChild(text('code', 'rule', d.rule));
      item.appendChild(text('span', 'message', ': ' + d.message));
      if (d.hint) item.appendChild(text('div', 'hint', 'hint: ' + d.hint));
      list.appendChild(item);
    });
    panel.appendChild(list);
    main.hidden = true;
    document.body.setAttribute('data-live', 'error');
  }
  function onState(state) {
    if (state.kind === 'error') {
      showErrors(state);
      return;
    }
    if (state.kind === 'ok') {
      if (build !== null && build !== state.build) {
        location.reload();
        return;
      }
      if (build === null && document.body.getAttribute('data-build') && document.body.getAttribute('data-build') !== state.build) {
        location.reload();
        return;
      }
      build = state.build;
      var panel = document.getElementById('live-errors');
      if (panel) { panel.remove(); main.hidden = false; }
      document.body.setAttribute('data-live', 'ok');
    }
    if (state.kind === 'building') {
      status.hidden = false;
      status.textContent = 'Rebuilding…';
      return;
    }
    status.hidden = true;
  }
  if (typeof EventSource !== 'function' || location.protocol === 'file:') return;
  var source = new EventSource('/__archgen/events');
  source.addEventListener('state', function (event) { onState(JSON.parse(event.data)); });
  source.onerror = function () {
    status.hidden = false;
    status.textContent = 'Disconnected from archgen watch; retrying…';
  };
  source.onopen = function () { status.hidden = true; };
})();
