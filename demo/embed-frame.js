/*
 * The embed page's side of WordPress's embed protocol (wp-embed-template.js): the host page's wp-embed.js puts a
 * secret in the frame's URL (`#?secret=…`) and on the iframe; the frame posts `{ secret, message, value }` to its
 * parent: "height" with the page's height (on load, on every change of size, and when the host says "ready"), and
 * "link" with a link's URL instead of following it inside the frame. Not framed, the page is an ordinary page.
 */
(() => {
  'use strict';
  if (window.self === window.top) return;

  /** Read each time: the host may add the secret to the URL after the page has loaded. */
  const secret = () => /.*secret=([a-zA-Z0-9]+)/.exec(window.location.hash)?.[1];

  const send = (message, value) => {
    const key = secret();
    if (key) window.parent.postMessage({ secret: key, message, value }, '*');
  };

  let sent = -1;
  let started = false;
  const sendHeight = (again = false) => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (!started || (height === sent && !again)) return;
    sent = height;
    send('height', height);
  };

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || !data || data.secret !== secret()) return;
    if (data.message === 'ready') sendHeight(true);
  });

  window.addEventListener('load', async () => {
    // The card renders once its UI language's strings are there (Arabic's come in a chunk of their own): its first
    // height is then its real one, and the host never shows a frame of the wrong size. Without its script, the
    // fallback link's height goes.
    await document.querySelector('nw-article-card')?.updateComplete;
    started = true;
    sendHeight(true);
    new ResizeObserver(() => sendHeight()).observe(document.body);
  });

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // The card's link is in its shadow root: the click's path reaches it, its target is only the card.
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.href);
    if (!link) return;
    event.preventDefault();
    send('link', link.href);
    // An unsandboxed frame (a plain iframe snippet) has no host script to rely on: it opens the link itself.
    if (window.origin !== 'null') window.open(link.href, '_top');
  });
})();
