// archgen site: configures draw.io's viewer before it loads, so nothing is fetched from
// viewer.diagrams.net. Stencils come from aws4-stencils.js; math typesetting is not used.
window.STENCIL_PATH = 'assets/drawio/stencils';
window.SHAPES_PATH = 'assets/drawio/shapes';
window.mxBasePath = 'assets/drawio/mxgraph';
window.mxImageBasePath = 'assets/drawio/mxgraph/images';
window.mxLoadResources = false;
window.mxLoadStylesheets = false;
window.DRAWIO_BASE_URL = '.';
window.DRAWIO_LIGHTBOX_URL = '.';
// A defined MathJax keeps Editor.initMath from loading MathJax.js.
window.MathJax = window.MathJax || { Hub: { Queue: function () {}, Config: function () {} } };
// The viewer starts in start.js, once the stencils are registered.
window.onDrawioViewerLoad = function () {};
