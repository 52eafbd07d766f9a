// Injected into the wall page before it loads: frame times from
// requestAnimationFrame, long tasks, and the time each `data-seq` on the wall
// root reached the screen (just after the frame that followed the change).
// Every time is epoch milliseconds, so Node can compare them with its own.

/** What the probe holds; read with `window.__bench`. */
export interface ProbeData {
  /** [end of frame, frame duration]. */
  frames: [number, number][];
  /** [start, duration] of each task over 50 ms. */
  longTasks: [number, number][];
  /** Animation frames over 50 ms (Chromium's long-animation-frame entries): start, duration, the part spent in style and layout and after, and the scripts that ran longest. */
  longFrames: { at: number; duration: number; renderMs: number; scripts: string[] }[];
  /** [seq, painted at]. */
  seqPainted: [number, number][];
  /** When the wall showed another page or sub-page (`data-page`, `data-subpage`), to tell a page change's cost from a batch's. */
  pageChanges: [number, string][];
  /** When the first snapshot's content was painted. */
  readyAt: number | null;
  /** When the first websocket message over 1 MB (the snapshot) reached the page, before any parsing. */
  bigMessageAt: number | null;
  /** When the next task or frame after that message's handling ran: Chromium keeps the event loop a while after a large message. */
  afterBigMessageAt: number | null;
  /** Starts or stops timing frames: a rAF loop keeps the page drawing, so it is off while idle CPU is measured. */
  setTiming?: (on: boolean) => void;
}

/** The page-side recorder; run through `probeScript()`. */
export function installProbe(): void {
  const probe: ProbeData = { frames: [], longTasks: [], longFrames: [], seqPainted: [], pageChanges: [], readyAt: null, bigMessageAt: null, afterBigMessageAt: null };
  (window as unknown as { __bench: ProbeData }).__bench = probe;
  const epoch = (t: number) => performance.timeOrigin + t;
  // The socket's handler is wrapped to stamp the snapshot's arrival, before
  // socket.io parses it.
  const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  if (onmessage?.set && onmessage.get) {
    const { set, get } = onmessage;
    Object.defineProperty(WebSocket.prototype, 'onmessage', {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(handler: ((event: MessageEvent) => void) | null) {
        set.call(
          this,
          handler &&
            function (this: WebSocket, event: MessageEvent) {
              if (probe.bigMessageAt === null && typeof event.data === 'string' && event.data.length > 1_000_000) {
                probe.bigMessageAt = epoch(performance.now());
                // Whichever runs first: the next task, or the next frame's callbacks (queued before the wall's own).
                const next = () => (probe.afterBigMessageAt ??= epoch(performance.now()));
                setTimeout(next, 0);
                requestAnimationFrame(next);
              }
              handler.call(this, event);
            },
        );
      },
    });
  }
  let last = 0;
  let isTiming = true;
  const frame = (t: number) => {
    if (!isTiming) return;
    if (last) probe.frames.push([epoch(t), t - last]);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  probe.setTiming = (on) => {
    if (on && !isTiming) requestAnimationFrame(frame);
    isTiming = on;
    last = 0;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push([epoch(e.startTime), e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  type Loaf = PerformanceEntry & { renderStart: number; scripts: Array<PerformanceEntry & { invoker: string; sourceFunctionName: string; sourceURL: string; sourceCharPosition: number }> };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Loaf[]) {
      const scripts = [...e.scripts]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((s) => `${Math.round(s.duration)} ms ${s.invoker} ${s.sourceFunctionName || '?'}@${s.sourceCharPosition}`);
      probe.longFrames.push({ at: epoch(e.startTime), duration: e.duration, renderMs: e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0, scripts });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  let lastSeq = 0;
  let lastShown = '';
  const watch = () => {
    const wall = document.getElementById('wall');
    if (!wall) {
      setTimeout(watch, 20);
      return;
    }
    new MutationObserver((records) => {
      // A sub-page count that changes ("1/12" to "1/13") is not a page change.
      const shown = `${wall.dataset.page} ${wall.dataset.subpage?.split('/')[0]}`;
      if (shown !== lastShown && records.some((r) => r.attributeName === 'data-page' || r.attributeName === 'data-subpage')) {
        lastShown = shown;
        probe.pageChanges.push([epoch(performance.now()), `${wall.dataset.page} ${wall.dataset.subpage ?? ''}`.trim()]);
      }
      const seq = Number(wall.dataset.seq);
      const ready = wall.dataset.ready === 'true';
      // A change made in a task reaches the screen with the next frame: that
      // frame's rAF callbacks run before its paint, and a task queued from
      // one runs right after the paint.
      requestAnimationFrame(() =>
        setTimeout(() => {
          const now = epoch(performance.now());
          if (ready && probe.readyAt === null) probe.readyAt = now;
          // The first paint of each seq only: later mutations repaint what was already shown.
          if (Number.isFinite(seq) && seq > lastSeq) {
            lastSeq = seq;
            probe.seqPainted.push([seq, now]);
          }
        }, 0),
      );
    }).observe(wall, { attributes: true, attributeFilter: ['data-seq', 'data-ready', 'data-page', 'data-subpage'] });
  };
  watch();
}

/**
 * The probe as a script for `page.addInitScript`. tsx compiles with
 * esbuild's keepNames, which wraps named functions in a `__name` helper that
 * exists only in Node; the page gets a stand-in that returns the function.
 */
export function probeScript(): string {
  return `(() => { const __name = (f) => f; (${installProbe.toString()})(); })();`;
}
