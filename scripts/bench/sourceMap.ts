// Just enough of the source map format (version 3) to name the original file
// and line of a minified position in a CPU profile.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The fields of a version 3 source map this reads. */
export interface RawSourceMap {
  sources: string[];
  names?: string[];
  mappings: string;
}

/** An original position. */
export interface OriginalPosition {
  source: string;
  /** 0-based, as in the map and in CDP. */
  line: number;
  name: string | null;
}

/** Decodes one segment's base64 VLQ numbers. */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`bad VLQ digit ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** A lookup from generated (line, column), both 0-based, to the original position. */
export function createLookup(map: RawSourceMap): (line: number, column: number) => OriginalPosition | null {
  // Per generated line: [column, source, original line, name] sorted by column.
  const lines: Array<Array<[number, number, number, number]>> = [];
  let source = 0;
  let originalLine = 0;
  let name = 0;
  for (const text of map.mappings.split(';')) {
    const segments: Array<[number, number, number, number]> = [];
    let column = 0;
    for (const part of text.split(',')) {
      if (part === '') continue;
      const v = decodeVlq(part);
      column += v[0] ?? 0;
      if (v.length < 4) continue;
      source += v[1]!;
      originalLine += v[2]!;
      let nameIndex = -1;
      if (v.length >= 5) {
        name += v[4]!;
        nameIndex = name;
      }
      segments.push([column, source, originalLine, nameIndex]);
    }
    lines.push(segments);
  }
  return (line, column) => {
    const segments = lines[line];
    if (!segments || segments.length === 0) return null;
    let lo = 0;
    let hi = segments.length - 1;
    if (segments[0]![0] > column) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]![0] <= column) lo = mid;
      else hi = mid - 1;
    }
    const [, s, l, n] = segments[lo]!;
    return { source: map.sources[s] ?? '?', line: l, name: n >= 0 ? (map.names?.[n] ?? null) : null };
  }
}
