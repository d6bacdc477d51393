// Slotwise one-tag embed (decision 028):
// <script src="https://studio.example/embed.js" data-service="portrait-session" async></script>
// Puts the booker in an iframe after this tag, sized to its content (the framed page posts its
// height), with the visitor's zone and language, and relays booking.confirmed to this page:
// window.postMessage({ type: 'booking.confirmed', reference }) from this page's own origin.
(() => {
  const me = document.currentScript;
  if (!(me instanceof HTMLScriptElement)) return;
  const origin = new URL(me.src).origin;
  const service = me.dataset.service;
  const url = new URL(service ? `/book/${encodeURIComponent(service)}` : '/', origin);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz) url.searchParams.set('tz', tz);
  url.searchParams.set('lang', me.dataset.lang || navigator.language || 'en');
  url.searchParams.set('embed', '1');
  const frame = document.createElement('iframe');
  // The framed pages read our origin from the frame's name (kept across their navigations).
  frame.name = `slotwise:${location.origin}`;
  frame.src = url.href;
  frame.title = me.dataset.title || 'Booking';
  // No inner scroll bar: the frame takes the page's height instead.
  frame.setAttribute('scrolling', 'no');
  frame.style.cssText = `display:block;width:100%;border:0;overflow:hidden;height:${Number(me.dataset.height) || 640}px`;
  me.after(frame);
  addEventListener('message', (e) => {
    // Only the booker in our own frame, from its own origin.
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    const d = e.data || {};
    if (d.slotwise === 'height' && d.height > 0) frame.style.height = `${Math.ceil(d.height)}px`;
    else if (d.slotwise === 'booking.confirmed' && /^[A-Z0-9-]{1,40}$/.test(d.reference)) {
      postMessage({ type: 'booking.confirmed', reference: d.reference }, '/');
    }
  });
})();
