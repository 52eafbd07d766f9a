import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** The measured content box and the root font size, in pixels. */
export interface ContentArea {
  width: number;
  height: number;
  remPx: number;
}

/**
 * Measures an element's content box with a ResizeObserver (a window resize,
 * the banner appearing, a change of display), and the root font size that
 * the tile specs are written in.
 */
export function useContentArea(ref: RefObject<HTMLElement | null>): ContentArea | null {
  const [area, setArea] = useState<ContentArea | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => {
      const style = getComputedStyle(element);
      const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const height = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setArea((prev) => (prev !== null && prev.width === width && prev.height === height && prev.remPx === remPx ? prev : { width, height, remPx }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return area;
}
