import type { Page } from '@playwright/test';

/** The computed colour of a theme variable, as `rgb(…)`. */
export function themeColour(page: Page, variable: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, variable);
}

/** How many opaque pixels of the canvas inside `selector` are within a small distance of `rgb(…)`; -1 when there is no canvas. */
export function pixelsOfColour(page: Page, selector: string, colour: string): Promise<number> {
  const [r, g, b] = colour.match(/\d+/g)!.map(Number) as [number, number, number];
  return page.evaluate(
    ({ selector, r, g, b }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`);
      if (canvas === null) return -1;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < 30 && data[i + 3]! > 200) count += 1;
      return count;
    },
    { selector, r, g, b },
  );
}
