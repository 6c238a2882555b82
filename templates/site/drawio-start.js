// archgen site: registers the bundled AWS stencils with draw.io's viewer, makes any other
// stencil lookup fail locally (recorded in window.archgenMissingStencils) instead of
// requesting it, then starts every viewer on the page.
(function () {
  'use strict';
  var missing = (window.archgenMissingStencils = []);
  var sets = window.archgenStencilSets || [];
  for (var i = 0; i < sets.length; i++) {
    var doc = mxUtils.parseXml(sets[i].xml);
    mxStencilRegistry.parseStencilSet(doc.documentElement);
    for (var j = 0; j < sets[i].packages.length; j++) mxStencilRegistry.packages[sets[i].packages[j]] = 1;
  }
  mxStencilRegistry.allowEval = false;
  mxStencilRegistry.loadStencil = function (name) {
    missing.push(String(name));
    return null;
  };
  var getStencil = mxStencilRegistry.getStencil;
  mxStencilRegistry.getStencil = function (name) {
    var stencil = getStencil.apply(this, arguments);
    if (stencil == null && typeof name === 'string' && name.indexOf('mxgraph.') === 0 && mxCellRenderer.defaultShapes[name] == null && missing.indexOf(name) < 0) missing.push(name);
    return stencil;
  };
  // Drag-to-pan on the scroll box around each viewer (arrow keys scroll it natively).
  var boxes = document.querySelectorAll('.drawio-scroll');
  for (var b = 0; b < boxes.length; b++) {
    (function (box) {
      var start = null;
      box.addEventListener('pointerdown', function (event) {
        if (event.button !== 0 || event.target.closest('[title]')) return;
        start = { x: event.clientX, y: event.clientY, left: box.scrollLeft, top: box.scrollTop };
      });
      window.addEventListener('pointermove', function (event) {
        if (!start) return;
        box.scrollLeft = start.left - (event.clientX - start.x);
        box.scrollTop = start.top - (event.clientY - start.y);
      });
      window.addEventListener('pointerup', function () { start = null; });
    })(boxes[b]);
  }
  // The viewer's toolbar buttons are plain divs: make them focusable and operable by keyboard.
  function makeToolbarKeyboardFriendly(viewer) {
    var buttons = viewer.toolbar ? viewer.toolbar.querySelectorAll('[title]') : [];
    for (var i = 0; i < buttons.length; i++) {
      (function (button) {
        button.setAttribute('role', 'button');
        button.setAttribute('tabindex', '0');
        button.setAttribute('aria-label', button.getAttribute('title'));
        button.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            button.click();
          }
        });
      })(buttons[i]);
    }
  }
  // Page buttons above each viewer select its pages directly (the toolbar only steps through them).
  var byIndex = {};
  function syncPageButtons(index) {
    var viewer = byIndex[index];
    var buttons = document.querySelectorAll('.page-tabs button[data-viewer="' + index + '"]');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(viewer && Number(buttons[i].getAttribute('data-page')) === viewer.currentPage));
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.page-tabs button[data-page]');
    if (button) {
      var index = button.getAttribute('data-viewer');
      if (byIndex[index]) byIndex[index].selectPage(Number(button.getAttribute('data-page')));
      syncPageButtons(index);
      return;
    }
    var holder = event.target.closest && event.target.closest('[data-drawio-index]');
    if (holder) setTimeout(function () { syncPageButtons(holder.getAttribute('data-drawio-index')); }, 0);
  });
  var viewers = (window.archgenViewers = []);
  var elements = document.querySelectorAll('.mxgraph[data-mxgraph]');
  for (var k = 0; k < elements.length; k++) {
    (function (element) {
      try {
        GraphViewer.createViewerForElement(element, function (viewer) {
          viewers.push(viewer);
          byIndex[element.getAttribute('data-drawio-index')] = viewer;
          element.setAttribute('data-rendered', 'true');
          element.classList.add('drawio-viewer');
          makeToolbarKeyboardFriendly(viewer);
        });
      } catch (error) {
        element.setAttribute('data-error', String(error && error.message));
        element.textContent = 'The diagram could not be shown: ' + (error && error.message);
      }
    })(elements[k]);
  }
})();
