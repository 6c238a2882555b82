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
  var viewers = (window.archgenViewers = []);
  var elements = document.querySelectorAll('.mxgraph[data-mxgraph]');
  for (var k = 0; k < elements.length; k++) {
    (function (element) {
      try {
        GraphViewer.createViewerForElement(element, function (viewer) {
          viewers.push(viewer);
          element.setAttribute('data-rendered', 'true');
        });
      } catch (error) {
        element.setAttribute('data-error', String(error && error.message));
        element.textContent = 'The diagram could not be shown: ' + (error && error.message);
      }
    })(elements[k]);
  }
})();
