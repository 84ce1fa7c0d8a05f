/* Calcibot loader: one launcher button in a shadow root; the chat itself lives in an iframe. */
(function () {
  'use strict';

  var config = "__CALCIBOT_CONFIG__";
  var script = document.currentScript ||
    document.querySelector('script[src$="/widget.js"]:not([data-calcibot-state])');
  if (!script || !script.src || script.getAttribute('data-calcibot-state')) return;

  var botOrigin = new URL(script.src).origin;
  var here = window.location.origin;
  var allowed = (config && Array.isArray(config.allowedOrigins)) ? config.allowedOrigins : [];
  if (here !== botOrigin && allowed.indexOf(here) === -1) {
    script.setAttribute('data-calcibot-state', 'refused');
    if (window.console) {
      window.console.warn('Calcibot: ' + here + ' is not in the clinic\'s allowed_origins; the chat is not shown.');
    }
    return;
  }
  script.setAttribute('data-calcibot-state', 'loading');

  var title = (script.getAttribute('data-title') || 'Calcibot').replace(/\s+/g, ' ').trim().slice(0, 60) || 'Calcibot';
  var color = /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(script.getAttribute('data-color') || '') ? script.getAttribute('data-color') : '';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';

  /* WCAG contrast: white or near-black text on the launcher, whichever reads better. */
  function luminance(hex) {
    var h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, '$&$&') : hex;
    return [1, 3, 5].map(function (i) {
      var c = parseInt(h.substr(i, 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, c, i) { return sum + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  var primary = color || '#0b5cad';
  var l = luminance(primary);
  var onPrimary = (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? '#ffffff' : '#000000';

  var css = [
    ':host{all:initial;position:fixed;z-index:2147483000;bottom:0;' + side + ':0;}',
    '*{box-sizing:border-box;}',
    '.launcher{position:fixed;bottom:20px;' + side + ':20px;display:inline-flex;align-items:center;gap:8px;',
    'min-height:48px;max-width:calc(100vw - 40px);padding:10px 18px 10px 14px;border:2px solid ' + onPrimary + ';border-radius:999px;',
    'background:' + primary + ';color:' + onPrimary + ';font:600 16px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;',
    'cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.28);}',
    '.launcher:hover{filter:brightness(1.08);}',
    '.launcher:focus-visible{outline:3px solid ' + primary + ';outline-offset:3px;box-shadow:0 0 0 6px #fff;}',
    '.launcher svg{flex:none;}',
    '.label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;}',
    '.panel{position:fixed;bottom:84px;' + side + ':20px;width:400px;max-width:calc(100vw - 40px);',
    'height:640px;max-height:calc(100vh - 104px);border-radius:14px;overflow:hidden;background:#fff;',
    'box-shadow:0 10px 40px rgba(0,0,0,.3);}',
    '.panel[hidden]{display:none;}',
    'iframe{display:block;width:100%;height:100%;border:0;}',
    '@media (max-width:480px),(max-height:500px){',
    '.panel{top:0;left:0;right:0;bottom:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0;}',
    '.open .launcher{display:none;}}',
    '@media (prefers-reduced-motion:no-preference){.panel{animation:rise .18s ease-out;}}',
    '@keyframes rise{from{opacity:0;transform:translateY(12px);}to{opacity:1;transform:none;}}'
  ].join('');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function icon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '22');
    svg.setAttribute('height', '22');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z');
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }

  function mount() {
    var hostEl = el('div');
    hostEl.setAttribute('data-calcibot', '');
    var root = hostEl.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', null, css));
    }

    var wrap = el('div', 'wrap');
    var launcher = el('button', 'launcher');
    launcher.type = 'button';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'calcibot-panel');
    launcher.appendChild(icon());
    launcher.appendChild(el('span', 'label', title));
    var panel = el('div', 'panel');
    panel.id = 'calcibot-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', title + ' chat');
    wrap.appendChild(panel);
    wrap.appendChild(launcher);
    root.appendChild(wrap);

    var frame = null;
    var ready = false;

    function chatUrl() {
      var query = ['host=' + encodeURIComponent(here), 'title=' + encodeURIComponent(title)];
      if (color) query.push('color=' + encodeURIComponent(color));
      return botOrigin + '/chat?' + query.join('&');
    }

    function focusChat() {
      if (!frame) return;
      frame.focus();
      if (ready) frame.contentWindow.postMessage({ calcibot: 'focus' }, botOrigin);
    }

    function open() {
      if (!frame) {
        frame = el('iframe');
        frame.title = 'Chat: ' + title;
        frame.src = chatUrl();
        if (here !== botOrigin) {
          frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox ' +
            'allow-top-navigation-to-custom-protocols');
        }
        frame.setAttribute('referrerpolicy', 'origin');
        panel.appendChild(frame);
      }
      panel.hidden = false;
      wrap.className = 'wrap open';
      launcher.setAttribute('aria-expanded', 'true');
      focusChat();
    }

    function close() {
      panel.hidden = true;
      wrap.className = 'wrap';
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    /* Full screen (phones, zoomed pages) covers the page: keep keyboard focus in the chat. */
    var fullScreen = window.matchMedia('(max-width:480px),(max-height:500px)');
    document.addEventListener('focusin', function (event) {
      if (!panel.hidden && fullScreen.matches && event.target !== hostEl) focusChat();
    });

    launcher.addEventListener('click', function () {
      if (panel.hidden) open(); else close();
    });

    window.addEventListener('message', function (event) {
      if (!frame || event.origin !== botOrigin || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || typeof data !== 'object') return;
      if (data.calcibot === 'ready') {
        ready = true;
        if (!panel.hidden) focusChat();
      } else if (data.calcibot === 'close' && !panel.hidden) {
        close();
      }
    });

    document.body.appendChild(hostEl);
    script.setAttribute('data-calcibot-state', 'ready');
  }

  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
