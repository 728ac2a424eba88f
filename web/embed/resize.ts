// Tell the embedding page how tall the embed is, so it can size the iframe:
// parent.postMessage({ type: 'yuscan:resize', height }, '*') whenever the height changes.

export interface ResizeMessage {
  type: 'yuscan:resize';
  height: number;
}

export function resizeMessage(height: number): ResizeMessage {
  return { type: 'yuscan:resize', height: Math.ceil(height) };
}

/** Deduplicating reporter: posts only when the rounded height changed. Returns a stop function. */
export function reportHeight(
  target: { postMessage(message: unknown, targetOrigin: string): void } | null,
  measure: () => number,
  observe: (cb: () => void) => () => void,
): () => void {
  let last = -1;
  const send = () => {
    const h = Math.ceil(measure());
    if (h === last || !target) return;
    last = h;
    target.postMessage(resizeMessage(h), '*');
  };
  send();
  return observe(send);
}

/** Wire reportHeight to the real document: ResizeObserver on <body> plus load events. */
export function startResizeReporting(): () => void {
  const parent = window.parent !== window ? window.parent : null;
  return reportHeight(
    parent,
    () => document.documentElement.getBoundingClientRect().height,
    (cb) => {
      const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(cb) : null;
      ro?.observe(document.body);
      window.addEventListener('load', cb);
      return () => {
        ro?.disconnect();
        window.removeEventListener('load', cb);
      };
    },
  );
}
