/* Calcibot chat page: plain DOM, bot text is always set as text, never parsed as HTML. */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('calcibot-config').textContent);
  var HOOK = '/webhooks/rest/webhook';
  var SENDER_KEY = 'calcibot.sender';
  var SENDER_RE = /^[A-Za-z0-9_-]{1,64}$/;

  function $(id) { return document.getElementById(id); }
  var log = $('messages');
  var form = $('composer');
  var input = $('message');
  var typing = $('typing');
  var status = $('status');
  var countBox = $('message-count');
  var errorBox = $('message-error');
  var confirmBox = $('confirm-delete');
  var deleteButton = $('delete-conversation');

  var host = config.hostOrigin;
  var framed = window.parent !== window && typeof host === 'string';
  var coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
  var titles = new Map();
  var sender = null;
  var generation = 0;
  var pending = 0;
  var queue = Promise.resolve();

  var storage = (function () {
    try {
      var s = window.sessionStorage;
      s.setItem('calcibot.probe', '1');
      s.removeItem('calcibot.probe');
      return s;
    } catch (e) {
      return null;
    }
  })();

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function announce(text) {
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /* Show a turn from the patient's question down, so a long answer is read from its start. */
  function reveal(item) {
    var top = item.offsetTop - 12;
    log.scrollTop = log.scrollHeight - top > log.clientHeight ? top : log.scrollHeight;
  }

  /* Conversation identity: a random id kept for this tab only. */
  function newSender() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
  }

  function startConversation() {
    generation += 1;
    sender = newSender();
    if (storage) storage.setItem(SENDER_KEY, sender);
  }

  /* Text with the clinic's own numbers and booking page turned into links; nothing else is. */
  function isWordChar(c) { return /[A-Za-z0-9]/.test(c || ''); }

  function nextLink(text) {
    var best = null;
    config.links.forEach(function (link) {
      if (!/^(https?:|tel:)/.test(link.href)) return;
      var from = 0;
      var at;
      while ((at = text.indexOf(link.text, from)) !== -1) {
        var end = at + link.text.length;
        if (!isWordChar(text.charAt(at - 1)) && !isWordChar(text.charAt(end))) {
          if (!best || at < best.at) best = { at: at, link: link };
          break;
        }
        from = at + 1;
      }
    });
    return best;
  }

  function appendText(parent, text) {
    var rest = String(text);
    while (rest) {
      var found = nextLink(rest);
      if (!found) {
        parent.appendChild(document.createTextNode(rest));
        return;
      }
      if (found.at) parent.appendChild(document.createTextNode(rest.slice(0, found.at)));
      var a = el('a', null, found.link.text);
      a.href = found.link.href;
      if (found.link.external) {
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.appendChild(el('span', 'visually-hidden', ' (opens in a new tab)'));
      }
      parent.appendChild(a);
      rest = rest.slice(found.at + found.link.text.length);
    }
  }

  function externalLinks(custom) {
    var allowed = config.links.filter(function (link) { return link.external; }).map(function (link) { return link.href; });
    var links = custom && Array.isArray(custom.links) ? custom.links : [];
    return links.filter(function (link) {
      return link && typeof link.title === 'string' && allowed.indexOf(link.url) !== -1;
    });
  }

  function addMessage(role, text, buttons, custom) {
    var item = el('div', 'msg msg-' + role);
    item.appendChild(el('p', 'visually-hidden', role === 'bot' ? config.title + ' said:' : 'You said:'));
    var bubble = el('div', 'bubble');
    if (role === 'bot') appendText(bubble, text); else bubble.textContent = text;
    item.appendChild(bubble);
    var valid = (Array.isArray(buttons) ? buttons : []).filter(function (b) {
      return b && typeof b.title === 'string' && typeof b.payload === 'string';
    });
    if (valid.length) {
      var group = el('div', 'quick-replies');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', 'Suggested replies');
      valid.forEach(function (b) {
        titles.set(b.payload, b.title);
        var button = el('button', 'quick-reply', b.title);
        button.type = 'button';
        button.setAttribute('data-payload', b.payload);
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    externalLinks(custom).forEach(function (link) {
      var a = el('a', 'link-button', link.title);
      a.href = link.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.appendChild(el('span', 'visually-hidden', ' (opens in a new tab)'));
      item.appendChild(a);
    });
    log.appendChild(item);
    return item;
  }

  function clearMessages() {
    Array.prototype.slice.call(log.children).forEach(function (child) {
      if (!child.classList.contains('welcome')) log.removeChild(child);
    });
  }

  /* Errors: what went wrong in plain words, and a retry when retrying can help. */
  function problemFrom(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      var detail = body && typeof body.message === 'string' ? body.message : '';
      if (response.status === 429) {
        var wait = parseInt(response.headers.get('Retry-After') || '', 10);
        var when = wait > 0 ? wait + ' second' + (wait === 1 ? '' : 's') : 'a moment';
        return { text: 'You are sending messages too quickly. Please wait ' + when + ', then try again.', retry: true };
      }
      if (response.status >= 500) {
        return { text: 'Something went wrong on our side (error ' + response.status + '). Please try again.', retry: true };
      }
      return { text: 'The message could not be accepted' + (detail ? ': ' + detail : '.'), retry: false };
    });
  }

  function networkProblem() {
    return { text: 'The chat service could not be reached. Check your connection and try again.', retry: true };
  }

  function request(url, options) {
    return window.fetch(url, options).then(function (response) {
      if (!response.ok) return problemFrom(response).then(function (p) { throw p; });
      return response.status === 204 ? null : response.json();
    }, function () { throw networkProblem(); }).catch(function (error) {
      if (error && typeof error.text === 'string') throw error;
      throw { text: 'The answer could not be read. Please try again.', retry: true };
    });
  }

  function showProblem(problem, retry) {
    var note = el('div', 'msg-note is-error');
    note.appendChild(el('p', null, problem.text || networkProblem().text));
    if (problem.retry && retry) {
      var button = el('button', null, 'Retry');
      button.type = 'button';
      button.addEventListener('click', function () {
        log.removeChild(note);
        input.focus();
        retry();
      });
      note.appendChild(button);
    }
    log.appendChild(note);
    scrollToEnd();
  }

  function setBusy(delta) {
    pending += delta;
    typing.hidden = pending <= 0;
  }

  /* Messages go out one at a time, in order; replies to a forgotten conversation are dropped. */
  function enqueue(task) {
    queue = queue.then(task, task);
    return queue;
  }

  function deliver(message, title, gen, origin, asked) {
    if (gen !== generation) return Promise.resolve();
    var body = { sender: sender, message: message };
    if (title) body.metadata = { title: title };
    setBusy(1);
    return request(HOOK, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    }).then(function (replies) {
      if (gen !== generation) return;
      var firstButton = null;
      (Array.isArray(replies) ? replies : []).forEach(function (reply) {
        if (!reply || (!reply.text && !(reply.buttons && reply.buttons.length))) return;
        var item = addMessage('bot', reply.text || '', reply.buttons, reply.custom);
        firstButton = firstButton || item.querySelector('.quick-reply');
      });
      reveal(asked);
      if (origin && document.activeElement === origin && firstButton) firstButton.focus({ preventScroll: true });
    }, function (problem) {
      if (gen !== generation) return;
      showProblem(problem, function () {
        enqueue(function () { return deliver(message, title, gen, null, asked); });
      });
    }).then(function () { setBusy(-1); });
  }

  function send(message, shown, origin) {
    var asked = addMessage('user', shown);
    scrollToEnd();
    var gen = generation;
    var title = shown !== message ? shown : null;
    enqueue(function () { return deliver(message, title, gen, origin, asked); });
  }

  /* The conversation so far, rebuilt from the tracker's events after a reload. */
  function rebuild(events) {
    (Array.isArray(events) ? events : []).forEach(function (event) {
      if (!event || typeof event !== 'object') return;
      if (event.event === 'user' && typeof event.text === 'string') {
        var meta = event.metadata && typeof event.metadata.title === 'string' ? event.metadata.title : null;
        addMessage('user', meta || titles.get(event.text) || event.text);
      } else if (event.event === 'bot') {
        var buttons = event.data && event.data.buttons;
        if (event.text || (buttons && buttons.length)) {
          addMessage('bot', event.text || '', buttons, event.data && event.data.custom);
        }
      } else if (event.event === 'restart') {
        clearMessages();
      }
    });
  }

  function restore() {
    var gen = generation;
    setBusy(1);
    return request('/conversations/' + encodeURIComponent(sender) + '/tracker', {
      headers: { Accept: 'application/json' }
    }).then(function (tracker) {
      if (gen !== generation) return;
      log.setAttribute('aria-live', 'off');
      rebuild(tracker && tracker.events);
      scrollToEnd();
      window.setTimeout(function () { log.setAttribute('aria-live', 'polite'); }, 100);
      if (log.children.length > 1) announce('Your earlier messages are shown.');
    }, function (problem) {
      if (gen !== generation) return;
      showProblem({ text: 'Your earlier messages could not be loaded. ' + problem.text, retry: problem.retry }, function () {
        enqueue(restore);
      });
    }).then(function () { setBusy(-1); });
  }

  /* The composer: Enter sends, Shift+Enter adds a line, the server's length limit is mirrored. */
  function length(text) { return Array.from(text.trim()).length; }

  function checkLength() {
    var n = length(input.value);
    var over = n - config.maxChars;
    input.setAttribute('aria-invalid', over > 0 ? 'true' : 'false');
    errorBox.hidden = over <= 0;
    errorBox.textContent = over > 0
      ? 'Your message is ' + n + ' characters long; the limit is ' + config.maxChars +
        '. Please remove ' + over + ' character' + (over === 1 ? '' : 's') + '.'
      : '';
    countBox.hidden = over > 0 || n < config.maxChars * 0.9;
    countBox.textContent = countBox.hidden ? '' : (config.maxChars - n) + ' characters left.';
    return over <= 0;
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 3, 160) + 'px';
  }

  function submit() {
    var text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    if (!checkLength()) {
      announce(errorBox.textContent);
      input.focus();
      return;
    }
    send(text, text, null);
    input.value = '';
    checkLength();
    autosize();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', function () {
    checkLength();
    autosize();
  });

  log.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-payload]');
    if (!button || !log.contains(button)) return;
    send(button.getAttribute('data-payload'), button.textContent, button);
  });

  /* New conversation and "delete my conversation" (forget me, on the server too). */
  $('new-conversation').addEventListener('click', function () {
    startConversation();
    clearMessages();
    announce('A new conversation has started.');
  });

  function closeConfirm() {
    confirmBox.hidden = true;
    deleteButton.setAttribute('aria-expanded', 'false');
  }

  deleteButton.setAttribute('aria-expanded', 'false');
  deleteButton.setAttribute('aria-controls', 'confirm-delete');
  deleteButton.addEventListener('click', function () {
    confirmBox.hidden = false;
    deleteButton.setAttribute('aria-expanded', 'true');
    $('confirm-delete-yes').focus();
  });
  $('confirm-delete-no').addEventListener('click', function () {
    closeConfirm();
    deleteButton.focus();
  });

  function forget() {
    var old = sender;
    generation += 1;
    var gen = generation;
    return request('/conversations/' + encodeURIComponent(old), { method: 'DELETE' }).then(function () {
      if (gen !== generation) return;
      startConversation();
      clearMessages();
      announce('Your conversation was deleted.');
    }, function (problem) {
      if (gen !== generation) return;
      sender = old;
      showProblem({ text: 'Your conversation could not be deleted. ' + problem.text, retry: true }, function () {
        enqueue(forget);
      });
      announce('Your conversation could not be deleted.');
    });
  }

  $('confirm-delete-yes').addEventListener('click', function () {
    closeConfirm();
    deleteButton.focus();
    enqueue(forget);
  });

  /* Talking to the loader on the embedding page: only that origin, only the parent window. */
  function tell(type) {
    if (framed) window.parent.postMessage({ calcibot: type }, host);
  }

  if (framed) {
    var close = $('close-chat');
    close.hidden = false;
    close.addEventListener('click', function () { tell('close'); });
    window.addEventListener('message', function (event) {
      if (event.origin !== host || event.source !== window.parent) return;
      var data = event.data;
      if (data && typeof data === 'object' && data.calcibot === 'focus') {
        if (coarse) log.focus(); else input.focus();
      }
    });
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    if (!confirmBox.hidden) {
      closeConfirm();
      deleteButton.focus();
    } else {
      tell('close');
    }
  });

  config.suggestions.forEach(function (b) { titles.set(b.payload, b.title); });
  var stored = storage && storage.getItem(SENDER_KEY);
  if (stored && SENDER_RE.test(stored)) {
    sender = stored;
    enqueue(restore);
  } else {
    startConversation();
  }
  checkLength();
  tell('ready');
})();
